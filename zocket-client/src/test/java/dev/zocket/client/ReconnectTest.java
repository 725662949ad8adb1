package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ReconnectTest {

    private static ConnectionStatus nextStatus(BlockingQueue<ConnectionStatus> statuses) throws InterruptedException {
        ConnectionStatus status = statuses.poll(10, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no status change within 10 s");
        }
        return status;
    }

    @Test
    void afterAServerRestartTheClientReconnectsResubscribesAndGetsAFreshSnapshot() throws Exception {
        Recorder recorder = new Recorder();
        ZocketServer first = TestServer.builder(recorder).shutdownTimeout(Duration.ofSeconds(1)).start();
        int port = first.port();
        BlockingQueue<ConnectionStatus> statuses = new LinkedBlockingQueue<>();
        try (ZocketClient client = ZocketClient.builder(first.url()).reconnectDelay(Duration.ofMillis(50)).build()) {
            client.onStatusChange(statuses::add);
            client.ready().get(10, TimeUnit.SECONDS);
            statuses.clear(); // ready completes after the CONNECTED notification, on the same callback thread
            CounterHandle counter = CounterHandle.of(client, "restart");
            String firstId = counter.whoAmI().get(10, TimeUnit.SECONDS).clientId();
            BlockingQueue<Counter.State> states = new LinkedBlockingQueue<>();
            BlockingQueue<Counter.Changed> changes = new LinkedBlockingQueue<>();
            counter.state().subscribe(states::add);
            counter.onChanged(changes::add);
            states.poll(10, TimeUnit.SECONDS);
            assertEquals(5, counter.add(new Counter.By(5)).get(10, TimeUnit.SECONDS));
            assertEquals(5, states.poll(10, TimeUnit.SECONDS).count());

            first.stop();
            assertEquals(ConnectionStatus.RECONNECTING, nextStatus(statuses));

            try (ZocketServer second = TestServer.builder(recorder).port(port).start()) {
                assertEquals(ConnectionStatus.CONNECTED, nextStatus(statuses));
                Counter.State fresh = states.poll(10, TimeUnit.SECONDS);
                assertEquals(0, fresh.count(), "the new server's state arrived as a fresh snapshot");
                String secondId = counter.whoAmI().get(10, TimeUnit.SECONDS).clientId();
                assertNotEquals(firstId, secondId, "a new connection, a new client id");
                assertEquals(List.of(secondId), fresh.online());

                assertEquals(1, counter.increment().get(10, TimeUnit.SECONDS), "new calls work");
                assertEquals(1, changes.poll(10, TimeUnit.SECONDS).count(), "the event subscription was re-sent");
                assertEquals(2, second.metrics().subscriptions(), "state and events re-subscribed");
            }
        }
    }

    @Test
    void withReconnectionOffACallInFlightWhenTheConnectionDropsFails() throws Exception {
        Recorder recorder = new Recorder();
        ZocketServer server = TestServer.builder(recorder).shutdownTimeout(Duration.ofMillis(200)).start();
        try (ZocketClient client = ZocketClient.builder(server.url()).reconnect(false).build()) {
            CounterHandle counter = CounterHandle.of(client, "dropped");
            counter.increment().get(10, TimeUnit.SECONDS);
            CompletableFuture<Integer> inFlight = counter.incrementWhenOpen(new Counter.Gate("dropped"));
            recorder.await("dropped waiting for dropped"::equals);
            server.stop();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> inFlight.get(10, TimeUnit.SECONDS));
            ConnectionException dropped = assertInstanceOf(ConnectionException.class, failed.getCause());
            assertEquals("WebSocket closed", dropped.getMessage());
            assertEquals(ConnectionStatus.DISCONNECTED, client.status(), "reconnect is off");
        } finally {
            recorder.open("dropped");
        }
    }
}
