package dev.zocket.bench.load;

import dev.zocket.bench.Ticker;
import dev.zocket.bench.TickerHandle;
import dev.zocket.client.ZocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One writer changes the {@code ticker} actor's state {@code rate} times a second, on a fixed
 * schedule; {@code subscribers} connections watch it. Each change carries the time it was due
 * to be sent, so a subscriber's delivery latency includes any delay in sending it (no
 * coordinated omission) as well as the diff, the fan-out and the client's patch application.
 * Before the timed run, a burst of ticks goes out back to back to warm both sides.
 */
final class FanoutScenario {

    /**
     * @param changes            changes due in the measured window and applied (not refused)
     * @param expectedDeliveries {@code changes × subscribers}
     * @param deliveries         those that arrived, each a patch applied to a subscriber's state
     * @param deliveryLatencyMicros from a change being due to its state reaching a subscriber
     * @param cpu                CPU seconds used in the window by the server and by the generator
     * @param serverCpuMicrosPerDelivery the server's CPU time per patch delivered, when known
     * @param serverResidentBytes the server's resident set size at the end of the window, when known
     */
    record Result(String scenario, String server, int subscribers, int ratePerSecond, double seconds, long changes,
            long expectedDeliveries, long deliveries, long writerErrors, Latency.Summary deliveryLatencyMicros,
            CpuUsage.Window cpu, Double serverCpuMicrosPerDelivery, Long serverResidentBytes) {}

    static final int PRIMING_TICKS = 2_000;
    static final int PRIMING_DELIVERIES = 200_000;

    private FanoutScenario() {}

    static Result run(ServerTarget target, LoadOptions options) throws InterruptedException {
        Latency latency = new Latency();
        LongAdder writerErrors = new LongAdder();
        Phase phase = new Phase();
        CpuUsage cpu = new CpuUsage(target);
        long period = TimeUnit.SECONDS.toNanos(1) / options.rate();
        // Ticks are numbered from 1; the actor's initial state has seq 0.
        AtomicLong lastSent = new AtomicLong();
        AtomicLong lastApplied = new AtomicLong();
        LongAdder appliedInWindow = new LongAdder();
        Queue<CompletableFuture<Void>> ticks = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        try (ClientPool pool = ClientPool.open(target.url(), options.subscribers() + 1, options.connectConcurrency(),
                new Latency())) {
            RpcScenario.requireAllOpened(pool, options.subscribers() + 1);
            ZocketClient writerClient = pool.clients().get(0);
            TickerHandle writer = TickerHandle.of(writerClient, "fanout");
            List<Watcher> watchers = new ArrayList<>();
            CountDownLatch subscribed = new CountDownLatch(options.subscribers());
            for (ZocketClient client : pool.clients().subList(1, pool.clients().size())) {
                watchers.add(new Watcher(TickerHandle.of(client, "fanout"), phase, latency, subscribed));
            }
            if (!subscribed.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Not every subscriber received its snapshot within 60 s");
            }

            prime(writer, lastSent, options.subscribers());
            awaitCaughtUp(watchers, lastSent.get());
            long origin = System.nanoTime() - lastSent.get() * period;
            ScheduledFuture<?> ticking = schedule.scheduleAtFixedRate(() -> {
                long seq = lastSent.incrementAndGet();
                long due = origin + seq * period;
                ticks.add(writer.tick(new Ticker.Tick(seq, due)).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        writerErrors.increment();
                        return;
                    }
                    lastApplied.accumulateAndGet(seq, Math::max);
                    if (phase.inWindow(due)) {
                        appliedInWindow.increment();
                    }
                }));
            }, period, period, TimeUnit.NANOSECONDS);
            phase.run(options.warmup(), options.duration(), cpu);
            Long resident = RpcScenario.residentBytes(target);
            ticking.cancel(false);
            schedule.shutdown();
            schedule.awaitTermination(10, TimeUnit.SECONDS);
            awaitAll(ticks);

            awaitCaughtUp(watchers, lastApplied.get());
            long changes = appliedInWindow.sum();
            return new Result("fanout", target.kind(), options.subscribers(), options.rate(),
                    RpcScenario.round(phase.measuredSeconds()), changes, changes * options.subscribers(),
                    latency.count(), writerErrors.sum(), latency.summary(), cpu.window(),
                    cpu.window().serverMicrosPer(latency.count()), resident);
        } finally {
            schedule.shutdownNow();
        }
    }

    /**
     * Sends ticks one after another before the timed run, up to {@value #PRIMING_TICKS} or
     * {@value #PRIMING_DELIVERIES} deliveries: at a low rate the warm-up alone would leave the
     * paths interpreted, and the run would measure the JIT.
     */
    private static void prime(TickerHandle writer, AtomicLong lastSent, int subscribers) {
        int ticks = Math.min(PRIMING_TICKS, Math.max(100, PRIMING_DELIVERIES / subscribers));
        for (int i = 0; i < ticks; i++) {
            long seq = lastSent.incrementAndGet();
            writer.tick(new Ticker.Tick(seq, System.nanoTime())).join();
        }
    }

    private static void awaitCaughtUp(List<Watcher> watchers, long seq) throws InterruptedException {
        CountDownLatch caughtUp = new CountDownLatch(watchers.size());
        watchers.forEach(watcher -> watcher.awaitSeq(seq, caughtUp));
        if (!caughtUp.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(caughtUp.getCount() + " subscribers did not see change " + seq + " within 60 s");
        }
    }

    /** Waits until every tick sent has been answered, with success or not. */
    private static void awaitAll(Queue<CompletableFuture<Void>> ticks) throws InterruptedException {
        try {
            CompletableFuture.allOf(ticks.stream().map(tick -> tick.exceptionally(failure -> null))
                    .toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The writer's calls were not all answered within 40 s", e);
        }
    }

    /** One subscriber: records the latency of each change it sees. */
    private static final class Watcher {
        private final AtomicLong seen = new AtomicLong(-1);
        private volatile long awaited = Long.MAX_VALUE;
        private volatile CountDownLatch caughtUp;

        Watcher(TickerHandle ticker, Phase phase, Latency latency, CountDownLatch subscribed) {
            ticker.state().subscribe(state -> {
                long now = System.nanoTime();
                if (seen.getAndSet(state.seq()) == -1) {
                    subscribed.countDown();
                } else if (phase.inWindow(state.sentAtNanos())) {
                    latency.record(now - state.sentAtNanos());
                }
                if (state.seq() >= awaited) {
                    release();
                }
            });
        }

        /** Counts {@code latch} down once this subscriber has seen {@code seq}. */
        void awaitSeq(long seq, CountDownLatch latch) {
            caughtUp = latch;
            awaited = seq;
            if (seen.get() >= seq) {
                release();
            }
        }

        private synchronized void release() {
            if (caughtUp != null) {
                caughtUp.countDown();
                caughtUp = null;
            }
        }
    }
}
