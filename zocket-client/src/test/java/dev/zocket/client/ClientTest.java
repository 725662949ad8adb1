package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.Subscription;
import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a real server on an ephemeral port. */
@Timeout(60)
class ClientTest {

    private Recorder recorder;
    private ZocketServer server;
    private ZocketClient client;

    @BeforeEach
    void start() throws Exception {
        recorder = new Recorder();
        server = TestServer.builder(recorder).start();
        client = ZocketClient.connect(server.url());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return failed.getCause();
    }

    @Test
    void typedCallsReturnResultsAndVoidMethodsCompleteWithNull() throws Exception {
        CounterHandle counter = CounterHandle.of(client, "typed");
        assertEquals(1, await(counter.increment()));
        assertEquals(11, await(counter.add(new Counter.By(10))));
        Counter.Identity identity = await(counter.whoAmI());
        assertEquals(client.clientId().orElseThrow(), identity.clientId());
        assertEquals("tagged whoAmI", identity.context());
        try (ZocketClient signedIn = ZocketClient.connect(server.url() + "/?token=bob")) {
            assertNull(await(CounterHandle.of(signedIn, "typed").reset()));
        }
    }

    @Test
    void callsMadeBeforeTheConnectionOpensWaitForIt() throws Exception {
        try (ZocketClient fresh = ZocketClient.connect(server.url())) {
            CompletableFuture<Integer> early = CounterHandle.of(fresh, "early").increment();
            assertEquals(1, await(early));
            assertEquals(ConnectionStatus.CONNECTED, fresh.status());
        }
    }

    @Test
    void serverErrorsCarryTheMessageAndTheCode() throws Exception {
        CounterHandle counter = CounterHandle.of(client, "errors");
        RpcException invalid = assertInstanceOf(RpcException.class, failure(counter.add(new Counter.By(0))));
        assertEquals("Validation failed for add: [amount: must be greater than or equal to 1]", invalid.getMessage());
        assertEquals(ErrorCode.BAD_REQUEST, invalid.code());
        RpcException conflict = assertInstanceOf(RpcException.class,
                failure(counter.fail(new Counter.Failure("Need at least 2 players", true))));
        assertEquals("Need at least 2 players", conflict.getMessage());
        assertEquals(ErrorCode.CONFLICT, conflict.code());
        RpcException forbidden = assertInstanceOf(RpcException.class, failure(counter.reset()));
        assertEquals("Sign in to reset", forbidden.getMessage());
        assertEquals(ErrorCode.FORBIDDEN, forbidden.code());
    }

    @Test
    void aCallThatTakesTooLongTimesOut() throws Exception {
        try (ZocketClient impatient = ZocketClient.builder(server.url()).rpcTimeout(Duration.ofMillis(200)).build()) {
            CounterHandle counter = CounterHandle.of(impatient, "slow");
            RpcException timeout = assertInstanceOf(RpcException.class,
                    failure(counter.incrementWhenOpen(new Counter.Gate("never"))));
            assertEquals("RPC \"incrementWhenOpen\" timed out after 200ms", timeout.getMessage());
            assertEquals(ErrorCode.TIMEOUT, timeout.code());
        }
        recorder.open("never");
    }

    @Test
    void eventsAreTypedAndSubscribedLazily() throws Exception {
        CounterHandle counter = CounterHandle.of(client, "events");
        await(counter.add(new Counter.By(1))); // attach first, so no presence event follows
        assertEquals(0, server.metrics().subscriptions(), "no event:sub before a listener");

        BlockingQueue<Counter.Changed> changes = new LinkedBlockingQueue<>();
        Subscription first = counter.onChanged(changes::add);
        Subscription second = counter.onChanged(change -> {});
        Eventually.holds(() -> server.metrics().subscriptions() == 1, "one event:sub for two listeners");

        await(counter.increment());
        Counter.Changed change = changes.poll(10, TimeUnit.SECONDS);
        assertEquals(new Counter.Changed(2, client.clientId().orElseThrow()), change);

        first.cancel();
        assertEquals(1, server.metrics().subscriptions(), "a listener is left");
        second.cancel();
        Eventually.holds(() -> server.metrics().subscriptions() == 0, "event:unsub after the last listener");
        first.cancel(); // twice is harmless
    }

    @Test
    void theStateViewGetsASnapshotThenEveryChangeBeforeTheCallCompletes() throws Exception {
        CounterHandle counter = CounterHandle.of(client, "state");
        assertTrue(counter.state().snapshot().isEmpty(), "nothing before the first snapshot");
        BlockingQueue<Counter.State> states = new LinkedBlockingQueue<>();
        counter.state().subscribe(states::add);
        Counter.State initial = states.poll(10, TimeUnit.SECONDS);
        assertEquals(List.of(client.clientId().orElseThrow()), initial.online());
        long initialVersion = counter.state().version().orElseThrow();

        int count = await(counter.increment());
        assertEquals(count, counter.state().snapshot().orElseThrow().count(),
                "the patch arrived before the result");
        assertEquals(count, states.poll(10, TimeUnit.SECONDS).count());
        assertEquals(initialVersion + 1, counter.state().version().orElseThrow(), "one change, one version");

        BlockingQueue<Counter.State> late = new LinkedBlockingQueue<>();
        counter.state().subscribe(late::add);
        assertEquals(count, late.poll(10, TimeUnit.SECONDS).count(), "a late subscriber gets the current state at once");
    }

    @Test
    void handlesToTheSameInstanceShareStateAndAreDisposedAfterTheLastRelease() throws Exception {
        ZocketClient patient = ZocketClient.builder(server.url()).handleDisposeDelay(Duration.ofSeconds(30)).build();
        try {
            CounterHandle first = CounterHandle.of(patient, "shared");
            CounterHandle second = CounterHandle.of(patient, "shared");
            assertNotSame(first, second);
            BlockingQueue<Counter.State> seenBySecond = new LinkedBlockingQueue<>();
            first.state().subscribe(state -> {});
            second.state().subscribe(seenBySecond::add);
            seenBySecond.poll(10, TimeUnit.SECONDS);
            Eventually.holds(() -> server.metrics().subscriptions() == 1, "one state:sub shared by both handles");

            first.close();
            await(second.increment());
            assertEquals(1, seenBySecond.poll(10, TimeUnit.SECONDS).count(), "the other handle keeps working");

            second.close();
            CounterHandle again = CounterHandle.of(patient, "shared"); // within the grace period
            assertEquals(1, again.state().snapshot().orElseThrow().count(), "the shared state survived");
            assertEquals(1, server.metrics().subscriptions(), "no state:unsub was sent");
            assertThrows(IllegalStateException.class, () -> first.onChanged(change -> {}),
                    "a disposed handle cannot add listeners");
        } finally {
            patient.close();
        }
        ZocketClient quick = ZocketClient.builder(server.url()).handleDisposeDelay(Duration.ofMillis(20)).build();
        try {
            CounterHandle handle = CounterHandle.of(quick, "quick");
            handle.state().subscribe(state -> {});
            Eventually.holds(() -> server.metrics().subscriptions() == 1, "subscribed");
            handle.close();
            Eventually.holds(() -> server.metrics().subscriptions() == 0, "unsubscribed after the grace period");
        } finally {
            quick.close();
        }
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersOrTheConnection() throws Exception {
        CounterHandle counter = CounterHandle.of(client, "throwing");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        counter.state().subscribe(state -> {
            throw new IllegalStateException("listener bug");
        });
        CompletableFuture<Void> reached = new CompletableFuture<>();
        counter.state().subscribe(state -> {
            seen.add(state.count());
            if (state.count() == 2) {
                reached.complete(null);
            }
        });
        await(counter.increment());
        await(counter.increment());
        await(reached);
        assertEquals(List.of(0, 1, 2), seen);
        assertEquals(ConnectionStatus.CONNECTED, client.status());
    }

    @Test
    void closeFailsPendingCallsAndTheClientCannotBeReused() throws Exception {
        CounterHandle counter = CounterHandle.of(client, "closing");
        CompletableFuture<Integer> pending = counter.incrementWhenOpen(new Counter.Gate("closing"));
        List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        client.onStatusChange(statuses::add);

        client.close();

        ConnectionException closed = assertInstanceOf(ConnectionException.class, failure(pending));
        assertEquals("WebSocket client closed", closed.getMessage());
        assertEquals(ConnectionStatus.DISCONNECTED, client.status());
        assertThrows(IllegalStateException.class, () -> CounterHandle.of(client, "closing"));
        assertEquals("WebSocket client closed", assertInstanceOf(ConnectionException.class,
                failure(counter.increment())).getMessage());
        recorder.open("closing");
    }

    @Test
    void readyFailsWhenNoConnectionOpensInTime() throws Exception {
        try (ZocketClient unreachable = ZocketClient.builder("ws://127.0.0.1:1")
                .connectTimeout(Duration.ofMillis(300)).reconnectDelay(Duration.ofMillis(50)).build()) {
            ConnectionException failure = assertInstanceOf(ConnectionException.class, failure(unreachable.ready()));
            assertTrue(failure.getMessage().startsWith("Could not connect to ws://127.0.0.1:1: "), failure.getMessage());
            assertEquals(ConnectionStatus.CONNECTING, unreachable.status(), "still trying");
        }
    }
}
