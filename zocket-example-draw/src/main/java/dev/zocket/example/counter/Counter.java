package dev.zocket.example.counter;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.Actor;

/**
 * A shared counter that knows how many people watch it: the original Zocket's counter example,
 * with the same wire names. Served by the draw example's server and by the benchmarks.
 */
@Actor("counter")
public interface Counter {

    /**
     * @param lastUpdatedBy the client that last changed the count, or {@code null}
     * @param updatedAt when, in milliseconds since the epoch, or {@code null}
     */
    record State(int count, int viewers, String lastUpdatedBy, Long updatedAt) implements CounterStateWithers {
        public State() {
            this(0, 0, null, null);
        }
    }

    record SetValue(int value) {}

    enum Action {
        @JsonProperty("increment") INCREMENT,
        @JsonProperty("decrement") DECREMENT,
        @JsonProperty("reset") RESET,
        @JsonProperty("set") SET
    }

    record Changed(int count, int delta, Action action, String changedBy) {}

    record Presence(int viewers) {}

    int increment();

    int decrement();

    int reset();

    int set(SetValue input);

    interface Events {
        void changed(Changed changed);

        void presence(Presence presence);
    }
}
