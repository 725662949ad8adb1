package dev.zocket.example.counter;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.Actor;

/**
 * A shared counter that knows how many people watch it: the original Zocket's counter example,
 * with the same wire names. Served by the draw example's server and by the benchmarks.
 *
 * <p>The count is any number, as the original's {@code z.number()} is: {@code set({value: -3.5})}
 * answers {@code -3.5}, and incrementing it gives {@code -2.5}. It is a {@code double}, so it is
 * written with a fraction on the wire ({@code 1.0}); JSON readers, JavaScript's included, read
 * that as the number 1.
 */
@Actor("counter")
public interface Counter {

    /**
     * @param lastUpdatedBy the client that last changed the count, or {@code null}
     * @param updatedAt when, in milliseconds since the epoch, or {@code null}
     */
    record State(double count, int viewers, String lastUpdatedBy, Long updatedAt) implements CounterStateWithers {
        public State() {
            this(0, 0, null, null);
        }
    }

    /** Any finite number; JSON has no infinities, but {@code 1e999} would parse as one. */
    record SetValue(@Finite double value) {}

    enum Action {
        @JsonProperty("increment") INCREMENT,
        @JsonProperty("decrement") DECREMENT,
        @JsonProperty("reset") RESET,
        @JsonProperty("set") SET
    }

    record Changed(double count, double delta, Action action, String changedBy) {}

    record Presence(int viewers) {}

    double increment();

    double decrement();

    double reset();

    double set(SetValue input);

    interface Events {
        void changed(Changed changed);

        void presence(Presence presence);
    }
}
