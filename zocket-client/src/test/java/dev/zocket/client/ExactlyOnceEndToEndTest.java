package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against a real server, through a proxy that cuts connections: calls run exactly
 * once across drops, subscriptions resume with patches, and conditional calls are refused with
 * the current version.
 */
@Timeout(300)
class ExactlyOnceEndToEndTest {

    private static double meter(ZocketServer server, String name) {
        var counter = server.meterRegistry().find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A cut the client does not hear of is found by the heartbeat within 4 s, well within a call's 30 s. */
    private static ZocketClient through(ChaosProxy proxy) {
        return ZocketClient.builder(proxy.url()).reconnectDelay(Duration.ofMillis(5))
                .heartbeatInterval(Duration.ofSeconds(2)).rpcTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aCallWhoseAnswerWasLostInADropIsAnsweredByItsReplayAndRunsOnce() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start(); ChaosProxy proxy = new ChaosProxy(server.port());
                ZocketClient client = through(proxy)) {
            CounterHandle counter = CounterHandle.of(client, "held");
            assertEquals(1, counter.increment().get(10, TimeUnit.SECONDS));
            CompletableFuture<Integer> held = counter.incrementWhenOpen(new Counter.Gate("held"));
            recorder.await("held waiting for held"::equals);

            proxy.cutAll(); // the call is running: its answer will go to a connection that is gone
            recorder.open("held");

            assertEquals(2, held.get(10, TimeUnit.SECONDS), "the re-sent call got the first run's result");
            assertEquals(3, counter.increment().get(10, TimeUnit.SECONDS), "and did not run again");
            assertEquals(1.0, meter(server, "zocket.rpc.replayed"));
        }
    }

    /**
     * Four clients make 2,000 calls in windows of ten while each cuts every connection after
     * every fifth window, so cuts land on the others' calls in flight. Every call succeeds, the
     * results are exactly 1 to 2,000 (each call ran once and its caller got its own result),
     * and the counter stands at 2,000. (ChaosTest does the same at 10,000 calls, with cuts at
     * random moments.)
     */
    @Test
    void underRepeatedDropsEveryCallIsAppliedExactlyOnce() throws Exception {
        int clients = 4;
        int windows = 50;
        int window = 10;
        Set<Integer> results = new ConcurrentSkipListSet<>();
        AtomicInteger cuts = new AtomicInteger();
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                ChaosProxy proxy = new ChaosProxy(server.port())) {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(CompletableFuture.runAsync(() -> {
                    try (ZocketClient client = through(proxy)) {
                        CounterHandle counter = CounterHandle.of(client, "chaos");
                        for (int w = 1; w <= windows; w++) {
                            List<CompletableFuture<Integer>> calls = new ArrayList<>();
                            for (int i = 0; i < window; i++) {
                                calls.add(counter.increment());
                            }
                            if (w % 5 == 0) {
                                cuts.addAndGet(proxy.cutAll());
                            }
                            for (CompletableFuture<Integer> call : calls) {
                                results.add(call.join());
                            }
                        }
                    }
                }));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(240, TimeUnit.SECONDS);

            int calls = clients * windows * window;
            Set<Integer> expected = new TreeSet<>();
            for (int i = 1; i <= calls; i++) {
                expected.add(i);
            }
            assertEquals(expected, results);
            try (ZocketClient direct = ZocketClient.connect(server.url())) {
                assertEquals(calls + 1, CounterHandle.of(direct, "chaos").increment().get(10, TimeUnit.SECONDS));
            }
            System.out.printf("chaos: %d calls, %d connections cut, %.0f answered by replay%n", calls, cuts.get(),
                    meter(server, "zocket.rpc.replayed"));
        }
    }

    @Test
    void aSubscriptionResumesWithPatchesAcrossADrop() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start(); ChaosProxy proxy = new ChaosProxy(server.port());
                ZocketClient client = through(proxy); ZocketClient writer = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "resume");
            CounterHandle other = CounterHandle.of(writer, "resume");
            BlockingQueue<Counter.State> states = new LinkedBlockingQueue<>();
            counter.state().subscribe(states::add);
            for (int i = 1; i <= 5; i++) {
                counter.increment().get(10, TimeUnit.SECONDS);
            }

            proxy.cutAll();
            for (int i = 6; i <= 8; i++) {
                other.increment().get(10, TimeUnit.SECONDS);
            }

            Counter.State state;
            do {
                state = states.poll(10, TimeUnit.SECONDS);
            } while (state.count() != 8);
            assertEquals(1.0, meter(server, "zocket.state.resumed"), "answered with patches, not a snapshot");
            assertEquals(8, counter.state().snapshot().orElseThrow().count());
        }
    }

    @Test
    void aConditionalCallIsRefusedWithTheCurrentVersionAndRunsWhenItMatches() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "cas");
            BlockingQueue<Counter.State> states = new LinkedBlockingQueue<>();
            counter.state().subscribe(states::add);
            counter.increment().get(10, TimeUnit.SECONDS);
            long current = counter.state().version().orElseThrow();

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> counter.withBaseVersion(current - 1).increment().get(10, TimeUnit.SECONDS));
            RpcException conflict = assertInstanceOf(RpcException.class, refused.getCause());
            assertEquals(ErrorCode.CONFLICT, conflict.code());
            assertEquals(OptionalLong.of(current), conflict.version());

            assertEquals(2, counter.withBaseVersion(current).increment().get(10, TimeUnit.SECONDS),
                    "based on the current version, it runs");
        }
    }
}
