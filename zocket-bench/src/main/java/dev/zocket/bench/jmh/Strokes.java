package dev.zocket.bench.jmh;

import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoom.Point;
import dev.zocket.example.draw.DrawingRoom.Stroke;
import dev.zocket.state.ImmutableLists;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Realistic drawing data: strokes of 20 points, as a pointer produces them. */
final class Strokes {

    static final int POINTS = 20;

    private Strokes() {}

    static Stroke stroke(Random random) {
        List<Point> points = new ArrayList<>(POINTS);
        double x = random.nextInt(800);
        double y = random.nextInt(600);
        for (int i = 0; i < POINTS; i++) {
            x += random.nextInt(21) - 10;
            y += random.nextInt(21) - 10;
            points.add(new Point(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0));
        }
        return new Stroke(Collections.unmodifiableList(points), "#3b82f6", 4);
    }

    /**
     * A game state in the middle of a round with {@code count} strokes on the canvas, held as the
     * server holds them after the round's appends (an {@link ImmutableLists} list).
     */
    static DrawingRoom.State state(int count, Random random) {
        List<Stroke> strokes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strokes.add(stroke(random));
        }
        List<DrawingRoom.Player> players = List.of(
                new DrawingRoom.Player("p1", "Ann", 20, "#ef4444", "c_1"),
                new DrawingRoom.Player("p2", "Bob", 10, "#3b82f6", "c_2"));
        return new DrawingRoom.State(players, DrawingRoom.Phase.DRAWING, "p1", "lighthouse", "_ _ _ _ _ _ _ _ _ _",
                ImmutableLists.appendAll(List.of(), strokes), List.of(), 2, 3, 1_700_000_080_000L, 80);
    }

    /** A stroke as it travels inside a {@code draw} RPC. */
    static String drawFrame(Random random, String id) {
        StringBuilder points = new StringBuilder();
        Stroke stroke = stroke(random);
        for (Point point : stroke.points()) {
            points.append(points.length() == 0 ? "" : ",").append('[').append(point.x()).append(',').append(point.y()).append(']');
        }
        return "{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"draw\",\"actorId\":\"bench\",\"method\":\"draw\","
                + "\"input\":{\"stroke\":{\"points\":[" + points + "],\"color\":\"#3b82f6\",\"width\":4}}}";
    }
}
