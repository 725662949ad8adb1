package dev.zocket.server.internal.runtime;

import dev.zocket.server.ActorContext;
import dev.zocket.spi.NoEvents;

final class CardTableActor implements CardTable {

    private final ActorContext<State, NoEvents> context;

    CardTableActor(ActorContext<State, NoEvents> context) {
        this.context = context;
    }

    @Override
    public void deal(Deal deal) {
        context.update(s -> new State(deal.dealerId(), deal.card(), s.round() + 1));
    }

    @Override
    public void redraw(Deal deal) {
        context.update(s -> new State(s.dealerId(), deal.card(), s.round()));
    }

    @Override
    public void tick() {
        context.update(s -> new State(s.dealerId(), s.card(), s.round() + 1));
    }
}
