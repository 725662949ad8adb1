package dev.zocket.bench;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.ZocketServer;
import dev.zocket.store.sqlite.SqliteStateStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * What it costs a server and its subscribers to get back in sync after a restart, with resume
 * ({@code state:sub} with {@code since}) and without (a snapshot each).
 *
 * <p>A journal actor with a large state (1,000 lines of 100 characters, about 110 KB of JSON) is
 * stored in SQLite; 1,000 raw WebSocket subscribers take its snapshot, the server stops, a new one
 * starts on the same file, five lines are appended, and the subscribers come back. The measure
 * is the bytes the server sends them and the time from their {@code state:sub} until every one
 * holds the latest version. Modes alternate, fresh server each run; medians are printed.
 *
 * <pre>{@code
 * mvn -pl zocket-bench -am compile exec:java -Dexec.mainClass=dev.zocket.bench.ResyncMeasurement \
 *     -Dexec.classpathScope=compile -Dexec.args="1000 3"
 * }</pre>
 */
public final class ResyncMeasurement {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final int LINES = 1_000;
    private static final int LINE_LENGTH = 100;
    private static final int CHANGES_WHILE_AWAY = 5;

    /** One measured resync: {@code bytes} the server sent all subscribers, in {@code millis}. */
    record Run(String mode, long bytes, double millis) {}

    private ResyncMeasurement() {}

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        HttpClient http = HttpClient.newHttpClient();
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean resume : new boolean[] {true, false}) {
                Run run = measure(http, subscribers, resume);
                runs.add(run);
                System.err.printf("%s: %,d bytes in %.1f ms%n", run.mode(), run.bytes(), run.millis());
            }
        }
        System.out.printf("| mode | subscribers | bytes sent to resync (median) | time to resync, ms (median) | runs |%n");
        System.out.printf("|---|---|---|---|---|%n");
        for (String mode : List.of("resume", "snapshot")) {
            List<Run> ofMode = runs.stream().filter(run -> run.mode().equals(mode)).toList();
            System.out.printf("| %s | %,d | %,.0f | %.1f | %s |%n", mode, subscribers,
                    median(ofMode.stream().map(run -> (double) run.bytes()).toList()),
                    median(ofMode.stream().map(Run::millis).toList()),
                    ofMode.stream().map(run -> String.format("%.0f ms / %,d B", run.millis(), run.bytes())).toList());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static ZocketServer start(Path database, int port) throws IOException {
        return ZocketServer.builder()
                .host("127.0.0.1")
                .port(port)
                .environment(Map.of())
                .store(SqliteStateStore.open(database))
                .actor(Journal.class, JournalActor::new)
                .start();
    }

    static Run measure(HttpClient http, int subscribers, boolean resume) throws Exception {
        Path directory = Files.createTempDirectory("zocket-resync");
        Path database = directory.resolve("zocket.db");
        long heldVersion;
        try (ZocketServer before = start(database, 0)) {
            try (Subscriber writer = Subscriber.open(http, before.url())) {
                writer.send("{\"type\":\"rpc\",\"id\":\"fill\",\"actor\":\"journal\",\"actorId\":\"j\",\"method\":\"fill\","
                        + "\"input\":{\"lines\":" + LINES + ",\"length\":" + LINE_LENGTH + "}}");
                writer.awaitResult("fill");
            }
            List<Subscriber> watchers = openAll(http, before.url(), subscribers);
            watchers.forEach(watcher -> watcher.send(subscribe(-1)));
            for (Subscriber watcher : watchers) {
                watcher.awaitVersion(1);
            }
            heldVersion = watchers.get(0).version();
            watchers.forEach(Subscriber::abort);
        }
        try (ZocketServer after = start(database, 0)) {
            try (Subscriber writer = Subscriber.open(http, after.url())) {
                for (int i = 0; i < CHANGES_WHILE_AWAY; i++) {
                    writer.send("{\"type\":\"rpc\",\"id\":\"a" + i + "\",\"actor\":\"journal\",\"actorId\":\"j\","
                            + "\"method\":\"append\",\"input\":{\"text\":\"while away " + i + "\"}}");
                    writer.awaitResult("a" + i);
                }
            }
            long target = heldVersion + CHANGES_WHILE_AWAY;
            List<Subscriber> back = openAll(http, after.url(), subscribers);
            back.forEach(subscriber -> subscriber.holding(heldVersion));
            long start = System.nanoTime();
            String frame = subscribe(resume ? heldVersion : -1);
            back.forEach(subscriber -> subscriber.sendAsync(frame));
            for (Subscriber subscriber : back) {
                subscriber.awaitVersion(target);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            long bytes = back.stream().mapToLong(Subscriber::bytes).sum();
            back.forEach(Subscriber::abort);
            return new Run(resume ? "resume" : "snapshot", bytes, millis);
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String subscribe(long since) {
        return "{\"type\":\"state:sub\",\"actor\":\"journal\",\"actorId\":\"j\"" + (since >= 0 ? ",\"since\":" + since : "")
                + "}";
    }

    private static List<Subscriber> openAll(HttpClient http, String url, int count) throws Exception {
        List<CompletableFuture<Subscriber>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(Subscriber.openAsync(http, url));
            if (i % 50 == 49) {
                CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
        }
        List<Subscriber> open = new ArrayList<>();
        for (CompletableFuture<Subscriber> subscriber : opening) {
            open.add(subscriber.get(60, TimeUnit.SECONDS));
        }
        for (Subscriber subscriber : open) {
            subscriber.awaitWelcome();
        }
        return open;
    }

    /** One raw connection: counts the bytes it receives and follows the journal's version. */
    private static final class Subscriber implements WebSocket.Listener, AutoCloseable {
        private final StringBuilder partial = new StringBuilder();
        private final AtomicLong bytes = new AtomicLong();
        private final CountDownLatch welcomed = new CountDownLatch(1);
        private volatile long version = -1;
        private volatile String lastResultId;
        private volatile CountDownLatch progress = new CountDownLatch(1);
        private WebSocket socket;

        static CompletableFuture<Subscriber> openAsync(HttpClient http, String url) {
            Subscriber subscriber = new Subscriber();
            return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(URI.create(url), subscriber)
                    .thenApply(socket -> {
                        subscriber.socket = socket;
                        return subscriber;
                    });
        }

        static Subscriber open(HttpClient http, String url) throws Exception {
            Subscriber subscriber = openAsync(http, url).get(30, TimeUnit.SECONDS);
            subscriber.awaitWelcome();
            return subscriber;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void sendAsync(String text) {
            socket.sendText(text, true);
        }

        long version() {
            return version;
        }

        long bytes() {
            return bytes.get();
        }

        /** Starts this connection as a client that kept the state at {@code held} from an earlier one. */
        void holding(long held) {
            bytes.set(0);
            version = held;
        }

        void awaitWelcome() throws InterruptedException {
            if (!welcomed.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no welcome within 60 s");
            }
        }

        void awaitVersion(long wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (version < wanted) {
                CountDownLatch next = progress;
                if (version >= wanted) {
                    return;
                }
                if (!next.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("version " + wanted + " not reached within 120 s (at " + version + ")");
                }
            }
        }

        void awaitResult(String id) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!id.equals(lastResultId)) {
                CountDownLatch next = progress;
                if (id.equals(lastResultId)) {
                    return;
                }
                if (!next.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("no result for " + id + " within 60 s");
                }
            }
        }

        void abort() {
            socket.abort();
        }

        @Override
        public void close() {
            abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                bytes.addAndGet(text.getBytes(StandardCharsets.UTF_8).length);
                received(JSON.parse(text));
            }
            webSocket.request(1);
            return null;
        }

        private void received(JsonNode message) {
            String type = message.get("type").asString();
            switch (type) {
                case "welcome" -> welcomed.countDown();
                case "rpc:result" -> lastResultId = message.get("id").asString();
                case "state:snapshot" -> version = message.get("version").asLong();
                case "state:patch" -> {
                    long next = message.get("version").asLong();
                    if (next != version + 1) {
                        throw new IllegalStateException("patch " + next + " does not follow " + version);
                    }
                    version = next;
                }
                default -> { }
            }
            CountDownLatch passed = progress;
            progress = new CountDownLatch(1);
            passed.countDown();
        }
    }
}
