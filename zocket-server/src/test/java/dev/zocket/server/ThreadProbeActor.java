package dev.zocket.server;

import dev.zocket.spi.NoEvents;

/** Implements {@link ThreadProbe}. */
final class ThreadProbeActor implements ThreadProbe {

    private final ActorContext<State, NoEvents> context;

    ThreadProbeActor(ActorContext<State, NoEvents> context) {
        this.context = context;
    }

    @Override
    public String where() {
        context.update(s -> new State(s.calls() + 1));
        return Thread.currentThread().getName();
    }

    @Override
    public String hold(Hold hold) {
        try {
            Thread.sleep(hold.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return where();
    }
}
