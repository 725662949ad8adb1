package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.persistence.MemoryStateStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        return ZocketServer.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(Map.of())
                .actor(ThreadProbeBinding.INSTANCE, ThreadProbeActor::new);
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
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try (ZocketServer server = probeServer().start();
                RawClient client = RawClient.connect(server.url())) {
            String thread = client.call("threads", "slow", "hold", "{\"millis\":3000}").get("result").asString();
            String log = logged.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("Actor handlers have held the I/O thread " + thread + " for "), log);
            assertTrue(log.contains("ThreadProbeActor.hold"), "the warning shows where the handler is: " + log);
            assertEquals(1, log.split("have held the I/O thread", -1).length - 1, "one warning per hold: " + log);
        } finally {
            System.setErr(original);
        }
    }
}
