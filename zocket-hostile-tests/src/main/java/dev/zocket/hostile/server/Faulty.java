package dev.zocket.hostile.server;

import dev.zocket.Actor;

/** An actor whose factory always throws: the attack on failure paths. */
@Actor("faulty")
public interface Faulty {

    record State(int calls) implements FaultyStateWithers {
        public State() {
            this(0);
        }
    }

    int touch();

    interface Events {}
}
