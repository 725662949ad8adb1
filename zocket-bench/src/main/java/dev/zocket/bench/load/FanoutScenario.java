package dev.zocket.bench.load;

import dev.zocket.bench.Ticker;
import dev.zocket.bench.TickerHandle;
import dev.zocket.client.ZocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One writer changes the {@code ticker} actor's state {@code rate} times a second, on a fixed
 * schedule; {@code subscribers} connections watch it. Each change carries the time it was due
 * to be sent, so a subscriber's delivery latency includes any delay in sending it (no
 * coordinated omission) as well as the diff, the fan-out and the client's patch application.
 */
final class FanoutScenario {

    /**
     * @param changes            changes due in the measured window
     * @param expectedDeliveries {@code changes × subscribers}
     * @param deliveries         those that arrived, each a patch applied to a subscriber's state
     * @param deliveryLatencyMicros from a change being due to its state reaching a subscriber
     */
    record Result(String scenario, String server, int subscribers, int ratePerSecond, double seconds, long changes,
            long expectedDeliveries, long deliveries, long writerErrors, Latency.Summary deliveryLatencyMicros) {}

    private FanoutScenario() {}

    static Result run(ServerTarget target, LoadOptions options) throws InterruptedException {
        Latency latency = new Latency();
        LongAdder writerErrors = new LongAdder();
        Phase phase = new Phase();
        long period = TimeUnit.SECONDS.toNanos(1) / options.rate();
        // Ticks are numbered from 1; the actor's initial state has seq 0.
        AtomicLong lastSent = new AtomicLong();
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

            long origin = System.nanoTime();
            ScheduledFuture<?> ticking = schedule.scheduleAtFixedRate(() -> {
                long seq = lastSent.incrementAndGet();
                long due = origin + seq * period;
                writer.tick(new Ticker.Tick(seq, due)).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        writerErrors.increment();
                    }
                });
            }, period, period, TimeUnit.NANOSECONDS);
            phase.run(options.warmup(), options.duration());
            ticking.cancel(false);
            schedule.shutdown();
            schedule.awaitTermination(10, TimeUnit.SECONDS);

            CountDownLatch caughtUp = new CountDownLatch(watchers.size());
            watchers.forEach(watcher -> watcher.awaitSeq(lastSent.get(), caughtUp));
            if (!caughtUp.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(caughtUp.getCount() + " subscribers missed the last change");
            }
            long changes = countDue(phase, origin, period, lastSent.get());
            return new Result("fanout", target.kind(), options.subscribers(), options.rate(),
                    RpcScenario.round(phase.measuredSeconds()), changes, changes * options.subscribers(),
                    latency.count(), writerErrors.sum(), latency.summary());
        } finally {
            schedule.shutdownNow();
        }
    }

    private static long countDue(Phase phase, long origin, long period, long last) {
        long due = 0;
        for (long seq = 1; seq <= last; seq++) {
            if (phase.inWindow(origin + seq * period)) {
                due++;
            }
        }
        return due;
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
