package ${package};

import dev.zocket.Actor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A guestbook anyone can sign. The contract: the processor generates {@code GuestbookHandle}
 * for clients and the dispatcher, emitter and differ the server uses.
 */
@Actor("guestbook")
public interface Guestbook {

    /** What every subscriber sees, kept in sync with JSON patches. */
    record State(List<Entry> entries) implements GuestbookStateWithers {
        public State() {
            this(List.of());
        }
    }

    record Entry(String name, String message) {}

    /** Checked before {@link #sign} runs; a bad input never reaches the actor. */
    record Sign(@NotBlank @Size(max = 40) String name, @NotBlank @Size(max = 280) String message) {}

    /** Adds an entry and returns how many there are now. */
    int sign(Sign input);

    interface Events {
        void signed(Entry entry);
    }
}
