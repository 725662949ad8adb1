package dev.zocket.hostile.server;

import dev.zocket.Actor;
import java.util.concurrent.CompletionStage;

/** An actor whose {@code hang} never completes: the attack on the async handler deadline. */
@Actor("stall")
public interface Stall {

    record State(int answered) implements StallStateWithers {
        public State() {
            this(0);
        }
    }

    /** Returns a stage that nobody ever completes. */
    CompletionStage<Integer> hang();

    /** Answers at once; succeeds only once the instance has moved on from a hung call. */
    int ping();

    interface Events {}
}
