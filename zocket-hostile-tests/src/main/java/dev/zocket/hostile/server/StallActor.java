package dev.zocket.hostile.server;

import dev.zocket.server.ActorContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Implements {@link Stall}. */
public final class StallActor implements Stall {

    private final ActorContext<State, Events> context;

    public StallActor(ActorContext<State, Events> context) {
        this.context = context;
    }

    @Override
    public CompletionStage<Integer> hang() {
        return new CompletableFuture<>();
    }

    @Override
    public int ping() {
        return context.update(state -> state.withAnswered(state.answered() + 1)).answered();
    }
}
