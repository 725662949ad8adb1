package dev.zocket.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.Subscription;
import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.JsonCodec;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.spi.TimeSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing outside the engine runs under its lock: whenever the engine calls the transport, a
 * link, the time source or a user callback, another thread can still get into the engine.
 */
@Timeout(60)
class EngineLockDisciplineTest {

    private final ExecutorService probe = Executors.newSingleThreadExecutor();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private final List<String> blocked = new CopyOnWriteArrayList<>();
    private final List<String> checked = new CopyOnWriteArrayList<>();
    private ClientEngine engine;

    @AfterEach
    void stop() {
        probe.shutdownNow();
        callbacks.shutdownNow();
    }

    /** Asks another thread to read the engine's status; if the lock is held here, it cannot. */
    private void assertEngineOpen(String where) {
        checked.add(where);
        if (engine == null) {
            return; // still inside the constructor
        }
        try {
            probe.submit(engine::status).get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            blocked.add(where);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private final class ProbingLink implements Transport.Link {
        final Transport.LinkListener listener;

        ProbingLink(Transport.LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            assertEngineOpen("Link.send");
            if (text.contains("\"type\":\"rpc\"")) {
                String id = text.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                listener.onMessage("{\"type\":\"rpc:result\",\"id\":\"" + id + "\",\"result\":1}");
            }
        }

        @Override
        public void close() {
            assertEngineOpen("Link.close");
        }
    }

    private final class ProbingTransport implements Transport {
        @Override
        public CompletableFuture<Link> open(URI url, Duration connectTimeout, LinkListener listener) {
            assertEngineOpen("Transport.open");
            listener.onMessage("{\"type\":\"welcome\",\"clientId\":\"probe\"}");
            return CompletableFuture.completedFuture(new ProbingLink(listener));
        }
    }

    private final class ProbingTime implements TimeSource {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Subscription schedule(Duration delay, Runnable task) {
            assertEngineOpen("TimeSource.schedule");
            return () -> assertEngineOpen("Subscription.cancel");
        }
    }

    @Test
    void theTransportTheTimeSourceAndCallbacksAreCalledWithoutTheLock() throws Exception {
        ClientOptions options = new ClientOptions(URI.create("ws://probe"), Duration.ofSeconds(10),
                Duration.ofSeconds(10), true, Optional.of(Duration.ZERO), Duration.ofMillis(100));
        engine = new ClientEngine(options, new ProbingTransport(), new ProbingTime(), callbacks,
                JsonCodec.standard());
        CompletableFuture<ConnectionStatus> connected = new CompletableFuture<>();
        engine.onStatusChange(status -> {
            assertEngineOpen("status listener");
            connected.complete(status);
        });
        engine.start();
        assertEquals(ConnectionStatus.CONNECTED, connected.get(10, TimeUnit.SECONDS));

        CounterHandle counter = CounterHandle.of(engine, "probe");
        assertEquals(1, counter.increment().thenApply(value -> {
            assertEngineOpen("call completion");
            return value;
        }).get(10, TimeUnit.SECONDS));
        counter.close();
        engine.close();

        assertEquals(List.of(), blocked, "called under the engine's lock");
        assertEquals(true, checked.containsAll(List.of("Transport.open", "Link.send", "Link.close",
                "TimeSource.schedule", "Subscription.cancel", "status listener", "call completion")),
                "every kind of call out was probed: " + checked);
    }
}
