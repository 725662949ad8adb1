package dev.zocket.js;

import dev.zocket.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/** The actor the Node test drives through the typed JavaScript client: a shared running sum. */
@Actor("tally")
public interface Tally {

    /**
     * The sum and how it came about.
     *
     * @param total everything added since the last reset
     * @param entries who added what, oldest first
     */
    record State(int total, List<Entry> entries) implements TallyStateWithers {
        public State() {
            this(0, List.of());
        }
    }

    record Entry(String by, int amount) {}

    record Add(@Min(1) @Max(1000) int amount) {}

    record Added(int total, String by) {}

    /** Adds to the sum and answers the new total. */
    int add(@Valid Add input);

    /** Starts again from zero. */
    void reset();

    interface Events {
        /** Someone added to the sum. */
        void added(Added added);
    }
}
