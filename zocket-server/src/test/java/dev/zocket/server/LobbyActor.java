package dev.zocket.server;

import dev.zocket.spi.NoEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Implements {@link Lobby}, counting every lifecycle hook so tests can check that they pair. */
final class LobbyActor implements Lobby, ActorLifecycle {

    /** What all lobby instances of one server did; shared by the factory. */
    static final class Tally {
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();
        final AtomicInteger joins = new AtomicInteger();
        /** The players each instance still had when it deactivated. */
        final List<String> playersAtDeactivation = java.util.Collections.synchronizedList(new ArrayList<>());

        int ghostsAtDeactivation() {
            return playersAtDeactivation.size();
        }
    }

    private final ActorContext<State, NoEvents> context;
    private final Tally tally;

    LobbyActor(ActorContext<State, NoEvents> context, Tally tally) {
        this.context = context;
        this.tally = tally;
    }

    @Override
    public int join() {
        tally.joins.incrementAndGet();
        String client = context.caller().clientId();
        return context.update(s -> {
            List<String> players = new ArrayList<>(s.players());
            players.add(client);
            return new State(List.copyOf(players));
        }).players().size();
    }

    @Override
    public void onConnect(Caller client) {
        tally.connects.incrementAndGet();
    }

    @Override
    public void onDisconnect(Caller client) {
        tally.disconnects.incrementAndGet();
        context.update(s -> new State(s.players().stream().filter(id -> !id.equals(client.clientId())).toList()));
    }

    @Override
    public void onDeactivate() {
        tally.playersAtDeactivation.addAll(context.state().players());
    }
}
