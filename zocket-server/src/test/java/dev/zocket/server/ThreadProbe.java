package dev.zocket.server;

import dev.zocket.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Tells on which thread its handlers run, and can hold that thread, for {@link ActorThreadsTest}. */
@Actor("threads")
public interface ThreadProbe {

    record State(int calls) {
        public State() {
            this(0);
        }
    }

    record Hold(@Min(0) @Max(60_000) long millis) {}

    /** The name of the thread running this call. */
    String where();

    /**
     * Blocks the thread running this call, as a handler waiting on I/O would: until the test opens
     * the actor's gate, or for at most {@code millis}.
     */
    String hold(Hold hold);
}
