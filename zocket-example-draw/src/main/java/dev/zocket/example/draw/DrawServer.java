package dev.zocket.example.draw;

import dev.zocket.example.cli.CommandLine;
import dev.zocket.example.counter.CounterActor;
import dev.zocket.example.counter.CounterBinding;
import dev.zocket.server.ZocketServer;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.store.sqlite.SqliteStateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Serves the draw &amp; guess game: the {@code draw} and {@code counter} actors over WebSocket,
 * and the browser page over HTTP, with Zocket Studio at {@code /studio/} (docs/studio.md).
 *
 * <pre>
 * --port N        WebSocket port (else $PORT, else 3001)
 * --http-port N   page port (else $HTTP_PORT, else 3000)
 * --host H        address to listen on (else 0.0.0.0)
 * --round-seconds N  how long a round lasts (else 80)
 * --data-dir D    where rooms and counters are stored (else $ZOCKET_DATA_DIR, else .zocket)
 * </pre>
 */
public final class DrawServer {

    private static final Duration DEFAULT_ROUND = Duration.ofSeconds(new DrawingRoom.State().roundSeconds());

    private DrawServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.parse(args, "port", "http-port", "host", "round-seconds", "data-dir");
        Path dataDirectory = Path.of(options.getOrDefault("data-dir",
                System.getenv().getOrDefault("ZOCKET_DATA_DIR", ".zocket")));
        ZocketServer server = start(
                CommandLine.port(options, "port", "PORT", 3001),
                CommandLine.port(options, "http-port", "HTTP_PORT", 3000),
                options.getOrDefault("host", "0.0.0.0"),
                Duration.ofSeconds(CommandLine.integer(options, "round-seconds", (int) DEFAULT_ROUND.toSeconds(), 1)),
                SqliteStateStore.open(dataDirectory.resolve("zocket.db")));
        System.out.print(banner(server));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.awaitStop();
    }

    /**
     * What the server prints once it listens: where to open the page, the WebSocket, and a
     * command that fills room-1 with bots, pointed at the port this server really uses (an
     * option, {@code $PORT} or port 0 may have chosen another than the default).
     */
    static String banner(ZocketServer server) {
        return String.join(System.lineSeparator(),
                "",
                "  Draw & guess is running.",
                "  Open    http://localhost:" + server.httpPort().orElseThrow() + "/",
                "  Studio  http://localhost:" + server.httpPort().orElseThrow() + "/studio/",
                "  Server  " + server.url(),
                "  Bots    " + botsCommand(server),
                "", "");
    }

    /** The Maven command that runs two bots in room-1 against {@code server}. */
    static String botsCommand(ZocketServer server) {
        return "mvn -pl zocket-example-draw -am compile exec:java -Dexec.mainClass=" + DrawBot.class.getName()
                + " -Dexec.args=\"" + String.join(" ", botsArguments(server)) + "\"";
    }

    static List<String> botsArguments(ZocketServer server) {
        return List.of("--url", server.url(), "--room", "room-1", "--bots", "2");
    }

    /** Starts the game's server with 80-second rounds; port 0 picks a free one. */
    public static ZocketServer start(int port, int httpPort, String host) throws IOException {
        return start(port, httpPort, host, DEFAULT_ROUND);
    }

    /** Starts the game's server with rounds of {@code roundLength}, state in memory; port 0 picks a free one. */
    public static ZocketServer start(int port, int httpPort, String host, Duration roundLength) throws IOException {
        return builder(port, httpPort, host, roundLength).start();
    }

    /**
     * Starts the game's server with rounds of {@code roundLength}, rooms and counters kept in
     * {@code store} (closed with the server); port 0 picks a free one.
     */
    public static ZocketServer start(int port, int httpPort, String host, Duration roundLength, StateStore store)
            throws IOException {
        return builder(port, httpPort, host, roundLength).store(store).start();
    }

    /**
     * The game's server, with Zocket Studio on: from this machine only, unless
     * {@code ZOCKET_STUDIO_TOKEN} sets a token ({@code ZOCKET_STUDIO=off} turns it off).
     */
    static ZocketServer.Builder builder(int port, int httpPort, String host, Duration roundLength) {
        return ZocketServer.builder()
                .actor(DrawingRoomBinding.INSTANCE,
                        context -> new DrawingRoomActor(context, RandomGenerator.getDefault(), Clock.systemUTC(), roundLength))
                .actor(CounterBinding.INSTANCE, CounterActor::new)
                .host(host)
                .port(port)
                .httpPort(httpPort)
                .staticResources("web")
                .studio();
    }
}
