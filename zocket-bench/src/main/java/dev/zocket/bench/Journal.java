package dev.zocket.bench;

import dev.zocket.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The resync measurement's actor: a list of lines that grows, so that its state is large and each
 * change is small, like a drawing's strokes.
 */
@Actor("journal")
public interface Journal {

    record State(List<String> lines) implements JournalStateWithers {
        public State() {
            this(List.of());
        }
    }

    record Line(@NotNull String text) {}

    record Fill(@Min(1) @Max(10_000) int lines, @Min(1) @Max(1_000) int length) {}

    /** Appends one line: one small patch. */
    void append(Line line);

    /** Appends {@code lines} lines of {@code length} characters at once, to build a large state quickly. */
    void fill(Fill fill);
}
