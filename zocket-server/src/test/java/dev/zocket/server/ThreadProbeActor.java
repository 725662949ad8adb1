package dev.zocket.server;

import dev.zocket.spi.NoEvents;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Implements {@link ThreadProbe}. */
final class ThreadProbeActor implements ThreadProbe {

    private final ActorContext<State, NoEvents> context;
    private final CountDownLatch gate;

    /** @param gate what {@link #hold} waits for */
    ThreadProbeActor(ActorContext<State, NoEvents> context, CountDownLatch gate) {
        this.context = context;
        this.gate = gate;
    }

    @Override
    public String where() {
        context.update(s -> new State(s.calls() + 1));
        return Thread.currentThread().getName();
    }

    @Override
    public String hold(Hold hold) {
        try {
            gate.await(hold.millis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return where();
    }
}
