package dev.zocket.example.draw;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.cli.CommandLine;
import dev.zocket.example.draw.DrawingRoom.Phase;
import dev.zocket.example.draw.DrawingRoom.Point;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.example.draw.DrawingRoom.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A player that joins a room through the generated handle, scribbles when it is the drawer and
 * guesses when it is not: company for a solo player, or load for a demo.
 *
 * <pre>
 * --url ws://127.0.0.1:3001   the server
 * --room room-1               the room (the page's URL hash)
 * --bots 1                    how many bots to run
 * --name Bot                  their name prefix
 * </pre>
 */
public final class DrawBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrawBot.class);
    private static final String[] COLORS = {"#111827", "#ef4444", "#3b82f6", "#22c55e", "#a855f7"};

    private final DrawingRoomHandle room;
    private final ScheduledExecutorService timer;
    private final AtomicReference<State> latest = new AtomicReference<>();
    private final String name;
    private volatile String playerId;

    /** Joins {@code room} as {@code name} and starts playing on {@code timer}. */
    public DrawBot(ZocketClient client, String roomId, String name, ScheduledExecutorService timer) {
        this.room = DrawingRoomHandle.of(client, roomId);
        this.timer = timer;
        this.name = name;
        room.state().subscribe(latest::set);
        room.onCorrectGuess(guess -> LOG.info("{} sees {} guess \"{}\"", name, guess.name(), guess.word()));
        playerId = room.join(new DrawingRoom.Join(name)).join().playerId();
        timer.scheduleWithFixedDelay(this::act, 500 + ThreadLocalRandom.current().nextInt(500), 700, TimeUnit.MILLISECONDS);
    }

    /** One move: a stroke when drawing, a guess when guessing, nothing otherwise. */
    void act() {
        State state = latest.get();
        if (state == null || state.phase() != Phase.DRAWING) {
            return;
        }
        try {
            if (state.drawerId().equals(playerId)) {
                room.draw(new DrawingRoom.Draw(scribble())).join();
            } else if (ThreadLocalRandom.current().nextInt(3) == 0) {
                room.guess(new DrawingRoom.Attempt(playerId, Words.pick(ThreadLocalRandom.current()))).join();
            }
        } catch (RuntimeException e) {
            LOG.warn("{} could not play: {}", name, e.getMessage());
        }
    }

    private static Stroke scribble() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double x = random.nextDouble(80, 720);
        double y = random.nextDouble(80, 520);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            x = Math.max(0, Math.min(800, x + random.nextDouble(-30, 30)));
            y = Math.max(0, Math.min(600, y + random.nextDouble(-30, 30)));
            points.add(new Point(Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0));
        }
        return new Stroke(points, COLORS[random.nextInt(COLORS.length)], 2 + random.nextInt(6));
    }

    @Override
    public void close() {
        room.close();
    }

    public static void main(String[] args) throws Exception {
        Team team = Team.start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(team::close));
        Thread.currentThread().join();
    }

    /** Bots started from command-line options, each on its own connection; closing ends them all. */
    static final class Team implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final List<ZocketClient> clients = new ArrayList<>();

        private Team() {}

        /** Starts the bots {@code args} ask for (see the class comment) and says where they play. */
        static Team start(String[] args) {
            Map<String, String> options = CommandLine.parse(args, "url", "room", "bots", "name");
            String url = options.getOrDefault("url", "ws://127.0.0.1:" + CommandLine.port(options, "port", "PORT", 3001));
            String roomId = options.getOrDefault("room", "room-1");
            int count = CommandLine.integer(options, "bots", 1, 1);
            String prefix = options.getOrDefault("name", "Bot");
            Team team = new Team();
            try {
                for (int i = 1; i <= count; i++) {
                    ZocketClient client = ZocketClient.connect(url);
                    team.clients.add(client);
                    new DrawBot(client, roomId, prefix + " " + i, team.timer);
                }
            } catch (RuntimeException e) {
                team.close();
                throw e;
            }
            System.out.println(count + " bot(s) playing in room " + roomId + " on " + url + "; Ctrl-C to stop");
            return team;
        }

        @Override
        public void close() {
            clients.forEach(ZocketClient::close);
            timer.shutdownNow();
        }
    }
}
