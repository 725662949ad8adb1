package dev.zocket.spi;

import java.util.Objects;
import java.util.Set;

/**
 * Which of an instance's event subscribers receive an emitted event. Targets only narrow the
 * subscriber set: a client that has not subscribed to events receives none, whatever the
 * target.
 */
public sealed interface EventTarget {

    /** Whether the client with this id should receive the event. */
    boolean includes(String clientId);

    /** Every subscriber. */
    static EventTarget broadcast() {
        return Broadcast.INSTANCE;
    }

    /** Only these clients. */
    static EventTarget to(Set<String> clientIds) {
        return new To(Set.copyOf(clientIds));
    }

    /** Every subscriber except these clients. */
    static EventTarget except(Set<String> clientIds) {
        return new Except(Set.copyOf(clientIds));
    }

    /** Every subscriber. */
    final class Broadcast implements EventTarget {
        static final Broadcast INSTANCE = new Broadcast();

        private Broadcast() {}

        @Override
        public boolean includes(String clientId) {
            return true;
        }

        @Override
        public String toString() {
            return "broadcast";
        }
    }

    /** Only the listed clients. */
    record To(Set<String> clientIds) implements EventTarget {
        public To {
            Objects.requireNonNull(clientIds, "clientIds");
        }

        @Override
        public boolean includes(String clientId) {
            return clientIds.contains(clientId);
        }
    }

    /** Every subscriber except the listed clients. */
    record Except(Set<String> clientIds) implements EventTarget {
        public Except {
            Objects.requireNonNull(clientIds, "clientIds");
        }

        @Override
        public boolean includes(String clientId) {
            return !clientIds.contains(clientId);
        }
    }
}
