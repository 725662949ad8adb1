package dev.zocket.server.internal.runtime;

import dev.zocket.Subscription;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.RpcCall;
import dev.zocket.server.Caller;
import dev.zocket.server.ServerLimits;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.EventSink;
import dev.zocket.spi.EventTarget;
import dev.zocket.spi.MethodDescriptor;
import dev.zocket.spi.MethodDispatcher;
import dev.zocket.spi.NoEvents;
import dev.zocket.spi.StateDiffer;
import dev.zocket.spi.TimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Server CPU per state change fanned out to 1,000 guessers and one dealer, with the contract's
 * views and with the same contract stripped of them, alternated, medians printed. Measures the
 * actor thread only (the mailbox runs on the caller here): diff, views, encoding and handing the
 * frames to peers that drop them; no sockets. Not a test: run it on purpose, see
 * docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "zocket.measure.views", matches = "true")
class ViewCostMeasurement {

    private static final int SUBSCRIBERS = 1_001;
    private static final int CHANGES = 2_000;
    private static final int RUNS = 7;

    @Test
    void cpuPerChangeWithAndWithoutViews() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        measure(CardTableBinding.INSTANCE, threads); // warm-up
        measure(new WithoutViews(), threads);
        long[] with = new long[RUNS];
        long[] without = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            with[run] = measure(CardTableBinding.INSTANCE, threads);
            without[run] = measure(new WithoutViews(), threads);
        }
        System.out.printf("CPU per change, %d subscribers: with views median %d µs %s; without views median %d µs %s%n",
                SUBSCRIBERS, median(with), Arrays.toString(with), median(without), Arrays.toString(without));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Microseconds of this thread's CPU per change. */
    private static long measure(ActorBinding<CardTable, CardTable.State, NoEvents> binding, ThreadMXBean threads) {
        ActorRegistry registry = registry(binding);
        InstanceKey key = new InstanceKey("table", "t");
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            Peer peer = new DiscardingPeer("c" + i);
            registry.deliverSubscribe(key, peer, SubscriptionKind.STATE);
            peers.add(peer);
        }
        Peer host = new DiscardingPeer("host");
        JsonCodec json = JsonCodec.standard();
        registry.deliverRpc(key, host, new RpcCall("d", "table", "t", "deal",
                json.parse("{\"dealerId\":\"c0\",\"card\":\"ace\"}")), 0);
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CHANGES; i++) {
            registry.deliverRpc(key, host, new RpcCall("t" + i, "table", "t", "tick", null), 0);
        }
        return (threads.getCurrentThreadCpuTime() - start) / CHANGES / 1_000;
    }

    private static ActorRegistry registry(ActorBinding<CardTable, CardTable.State, NoEvents> binding) {
        ActorType<?, ?, ?> table = new ActorType<>(binding, CardTableActor::new, List.of());
        Codecs codecs = new Codecs(JsonCodec.standard(), Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        TimeSource time = new TimeSource() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public Subscription schedule(Duration delay, Runnable task) {
                return () -> {};
            }
        };
        return new ActorRegistry(Map.of("table", table), codecs, new ServerMetrics(new SimpleMeterRegistry()), time,
                Runnable::run, ServerLimits.DEFAULTS);
    }

    /** A connection that drops what it is sent, so the measure is the server's side only. */
    private record DiscardingPeer(String clientId) implements Peer {
        @Override
        public Caller caller() {
            return new Caller(clientId, Optional.empty(), Map.of());
        }

        @Override
        public void send(OutgoingMessage message) {}

        @Override
        public void reply(OutgoingMessage result) {}
    }

    /** The card table with every subscriber seeing the whole state. */
    private static final class WithoutViews implements ActorBinding<CardTable, CardTable.State, NoEvents> {
        private final CardTableBinding delegate = CardTableBinding.INSTANCE;

        @Override
        public String actorName() {
            return delegate.actorName();
        }

        @Override
        public Class<CardTable> contract() {
            return delegate.contract();
        }

        @Override
        public CardTable.State initialState() {
            return delegate.initialState();
        }

        @Override
        public MethodDispatcher<CardTable> dispatcher() {
            return delegate.dispatcher();
        }

        @Override
        public StateDiffer<CardTable.State> differ() {
            return delegate.differ();
        }

        @Override
        public NoEvents emitter(EventSink sink, EventTarget target) {
            return delegate.emitter(sink, target);
        }

        @Override
        public List<MethodDescriptor> methods() {
            return delegate.methods();
        }
    }
}
