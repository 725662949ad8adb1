package dev.zocket.example.counter;

import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;
import java.time.Clock;

/** The counter's rules: each change returns the new count and is announced as {@code changed}. */
public final class CounterActor implements Counter, ActorLifecycle {

    private final ActorContext<State, Events> context;
    private final Clock clock;

    public CounterActor(ActorContext<State, Events> context) {
        this(context, Clock.systemUTC());
    }

    /** With a given clock, for tests. */
    public CounterActor(ActorContext<State, Events> context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    @Override
    public double increment() {
        return change(context.state().count() + 1, 1, Action.INCREMENT);
    }

    @Override
    public double decrement() {
        return change(context.state().count() - 1, -1, Action.DECREMENT);
    }

    @Override
    public double reset() {
        return change(0, 0, Action.RESET);
    }

    @Override
    public double set(SetValue input) {
        return change(input.value(), 0, Action.SET);
    }

    private double change(double count, double delta, Action action) {
        String by = context.caller().clientId();
        context.update(s -> new State(count, s.viewers(), by, clock.millis()));
        context.emit().broadcast().changed(new Changed(count, delta, action, by));
        return count;
    }

    @Override
    public void onConnect(Caller client) {
        State next = context.update(s -> s.withViewers(s.viewers() + 1));
        context.emit().broadcast().presence(new Presence(next.viewers()));
    }

    @Override
    public void onDisconnect(Caller client) {
        State next = context.update(s -> s.withViewers(Math.max(0, s.viewers() - 1)));
        context.emit().broadcast().presence(new Presence(next.viewers()));
    }
}
