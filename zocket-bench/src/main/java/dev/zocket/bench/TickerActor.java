package dev.zocket.bench;

import dev.zocket.server.ActorContext;
import dev.zocket.spi.NoEvents;

public final class TickerActor implements Ticker {

    private final ActorContext<State, NoEvents> context;

    public TickerActor(ActorContext<State, NoEvents> context) {
        this.context = context;
    }

    @Override
    public void tick(Tick tick) {
        context.setState(new State(tick.seq(), tick.sentAtNanos()));
    }
}
