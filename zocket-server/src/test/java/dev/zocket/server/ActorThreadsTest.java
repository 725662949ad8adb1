package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.persistence.MemoryStateStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where actor messages run: a client's message on the I/O thread that read it, a durable actor's
 * on the pool, everything on a pool the user supplies; and a handler that holds its I/O thread is
 * reported.
 */
@Timeout(60)
class ActorThreadsTest {

    private static ZocketServer.Builder probeServer() {
        return probeServer(new CountDownLatch(0));
    }

    /** @param gate what the probe's {@code hold} waits for */
    private static ZocketServer.Builder probeServer(CountDownLatch gate) {
        return ZocketServer.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(Map.of())
                .actor(ThreadProbeBinding.INSTANCE, context -> new ThreadProbeActor(context, gate));
    }

    /** What the server logs, kept, with a latch that opens once {@code awaited} has been logged. */
    private static final class WatchedLog extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final String awaited;
        final CountDownLatch seen = new CountDownLatch(1);

        WatchedLog(String awaited) {
            this.awaited = awaited;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            if (b == '\n' && text().contains(awaited)) {
                seen.countDown();
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String where(RawClient client, String instance) throws InterruptedException {
        return client.call("threads", instance, "where", null).get("result").asString();
    }

    @Test
    void aClientsCallRunsOnTheIoThreadThatReadIt() throws Exception {
        try (ZocketServer server = probeServer().start()) {
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(RawClient.connect(server.url())); // spread over every loop
                }
                for (RawClient client : clients) {
                    for (int i = 0; i < 20; i++) {
                        String thread = where(client, "shared");
                        assertTrue(thread.startsWith("zocket-io-"), thread);
                    }
                }
            } finally {
                clients.forEach(RawClient::close);
            }
        }
    }

    @Test
    void aDurableActorWaitsForItsCommitsOnThePoolNotOnAnIoThread() throws Exception {
        try (ZocketServer server = probeServer().store(new MemoryStateStore()).start();
                RawClient client = RawClient.connect(server.url())) {
            String thread = where(client, "kept");
            assertTrue(thread.startsWith("zocket-actor-"), thread);
        }
    }

    @Test
    void anActorMarkedBlockingRunsOnThePool() throws Exception {
        try (ZocketServer server = probeServer().blocking(ThreadProbe.class).start();
                RawClient client = RawClient.connect(server.url())) {
            String thread = where(client, "db");
            assertTrue(thread.startsWith("zocket-actor-"), thread);
        }
    }

    /**
     * With two I/O threads, one of the four connections shares the held one's thread: unmarked,
     * its call would wait for the hold.
     */
    @Test
    void aBlockedHandlerOfABlockingActorHoldsUpNoOtherConnection() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (ZocketServer server = probeServer(gate).blocking(ThreadProbe.class).start()) {
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(RawClient.connect(server.url()));
                }
                clients.get(0).rpc("threads", "held", "hold", "{\"millis\":60000}");
                for (int i = 1; i < clients.size(); i++) {
                    assertTrue(where(clients.get(i), "free-" + i).startsWith("zocket-actor-"));
                }
                gate.countDown();
                assertTrue(clients.get(0).next("rpc:result").get("result").asString().startsWith("zocket-actor-"));
            } finally {
                gate.countDown();
                clients.forEach(RawClient::close);
            }
        }
    }

    @Test
    void markingAnActorThatIsNotRegisteredAsBlockingFailsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ZocketServer.builder().host("127.0.0.1").port(0).environment(Map.of())
                        .actor(ThreadProbeBinding.INSTANCE, context -> new ThreadProbeActor(context, new CountDownLatch(0)))
                        .blocking(dev.zocket.server.fixtures.Counter.class).start().close());
        assertEquals("Actor \"counter\" is marked blocking but not registered: register it with actor(...)",
                refused.getMessage());
    }

    @Test
    void aSuppliedExecutorRunsEveryMessage() throws Exception {
        ExecutorService own = Executors.newSingleThreadExecutor(task -> new Thread(task, "users-own-pool"));
        try (ZocketServer server = probeServer().executor(own).start();
                RawClient client = RawClient.connect(server.url())) {
            assertEquals("users-own-pool", where(client, "mine"));
        } finally {
            own.shutdown();
        }
    }

    @Test
    void aHandlerThatHoldsItsIoThreadIsReportedWithWhereItIs() throws Exception {
        PrintStream original = System.err;
        // Awaits the line naming the handler: the warning's stack trace is written a line at a
        // time, so its first line alone does not mean the rest is there to read.
        WatchedLog logged = new WatchedLog("ThreadProbeActor.hold");
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        CountDownLatch gate = new CountDownLatch(1);
        try (ZocketServer server = probeServer(gate).start();
                RawClient client = RawClient.connect(server.url())) {
            client.rpc("threads", "slow", "hold", "{\"millis\":60000}");
            boolean warned = logged.seen.await(30, TimeUnit.SECONDS);
            gate.countDown(); // the handler returns only now, once the warning is out
            String thread = client.next("rpc:result").get("result").asString();
            String log = logged.text();
            assertTrue(warned, "a held I/O thread is reported: " + log);
            assertTrue(log.contains("Actor handlers have held the I/O thread " + thread + " for "), log);
            assertTrue(log.contains("ThreadProbeActor.hold"), "the warning shows where the handler is: " + log);
            assertEquals(1, log.split("have held the I/O thread", -1).length - 1, "one warning per hold: " + log);
        } finally {
            System.setErr(original);
        }
    }
}
