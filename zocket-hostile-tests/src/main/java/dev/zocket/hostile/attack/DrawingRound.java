package dev.zocket.hostile.attack;

import java.io.IOException;
import tools.jackson.databind.JsonNode;

/** Two players who join a draw room and start a round, so that strokes are accepted there. */
final class DrawingRound {

    private DrawingRound() {}

    /** Starts a round in {@code room}; the two players' connections are held by {@code engagement}. */
    static void start(int port, String room, Engagement engagement) throws IOException {
        RpcConnection first = engagement.hold(RpcConnection.connect(port));
        RpcConnection second = engagement.hold(RpcConnection.connect(port));
        first.call("draw", room, "join", "{\"name\":\"first\"}");
        second.call("draw", room, "join", "{\"name\":\"second\"}");
        JsonNode started = first.call("draw", room, "startRound", null);
        if (started.has("error")) {
            throw new IOException("Could not start a round in " + room + ": " + started);
        }
    }

    /** A stroke of {@code points} points, as JSON. */
    static String stroke(int points, String coordinate) {
        StringBuilder json = new StringBuilder(points * 24 + 64).append("{\"stroke\":{\"points\":[");
        for (int i = 0; i < points; i++) {
            json.append(i == 0 ? "" : ",").append('[').append(coordinate).append(',').append(coordinate).append(']');
        }
        return json.append("],\"color\":\"#ef4444\",\"width\":3}}").toString();
    }
}
