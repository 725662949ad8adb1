package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.counter.CounterHandle;
import dev.zocket.server.persistence.Change;
import dev.zocket.store.sqlite.SqliteStateStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server on SQLite, in a child JVM, killed with SIGKILL while many connections
 * increment counters: after a restart on the same file every acknowledged increment is there, at
 * most the one unacknowledged increment per counter was applied (once), and versions are
 * contiguous.
 */
@Timeout(180)
class CrashSafetyTest {

    private static final int CONNECTIONS = 16;
    private static final int ACKS_BEFORE_KILL = 400;
    private static final Pattern URL = Pattern.compile(".*Server\\s+(ws://\\S+).*");

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedIncrementSurvivesAKill() throws Exception {
        AtomicLongArray acknowledged = new AtomicLongArray(CONNECTIONS);
        Process server = startChild();
        String url = urlOf(server);
        CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
        List<Thread> workers = new ArrayList<>();
        List<ZocketClient> clients = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            ZocketClient client = ZocketClient.builder(url).reconnect(false).rpcTimeout(Duration.ofSeconds(20)).build();
            clients.add(client);
            int index = i;
            Thread worker = new Thread(() -> {
                CounterHandle counter = CounterHandle.of(client, "crash-" + index);
                while (true) {
                    try {
                        double count = counter.increment().get(30, TimeUnit.SECONDS);
                        acknowledged.set(index, (long) count);
                        enough.countDown();
                    } catch (Exception gone) {
                        return; // the server was killed; this increment is unacknowledged
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        assertTrue(enough.await(120, TimeUnit.SECONDS), "the load ran");
        server.destroyForcibly(); // SIGKILL on Linux
        server.waitFor(30, TimeUnit.SECONDS);
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        clients.forEach(ZocketClient::close);

        Process restarted = startChild();
        try (ZocketClient client = ZocketClient.builder(urlOf(restarted)).reconnect(false).build()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                long acked = acknowledged.get(i);
                double after = CounterHandle.of(client, "crash-" + i).increment().get(30, TimeUnit.SECONDS);
                long stored = (long) after - 1;
                assertTrue(stored == acked || stored == acked + 1,
                        "counter " + i + ": acknowledged " + acked + ", found " + stored);
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }

        try (SqliteStateStore store = SqliteStateStore.open(data.resolve("zocket.db"))) {
            for (int i = 0; i < CONNECTIONS; i++) {
                List<Change> history = store.history("counter", "crash-" + i, Long.MAX_VALUE, 100_000);
                long version = store.load("counter", "crash-" + i).orElseThrow().version();
                assertEquals(version, history.size(), "no change was lost from the log of counter " + i);
                for (int at = 0; at < history.size(); at++) {
                    assertEquals(version - at, history.get(at).version(), "versions are contiguous");
                }
            }
        }
    }

    private Process startChild() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), DrawServer.class.getName(),
                "--port", "0", "--http-port", "0", "--host", "127.0.0.1", "--data-dir", data.toString());
        File log = data.resolve("server.log").toFile();
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static String urlOf(Process server) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Matcher matcher = URL.matcher(line);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        throw new IOException("the child server ended before printing its address");
    }

    /** Surefire runs tests from a manifest-only jar and names the real class path in a property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
