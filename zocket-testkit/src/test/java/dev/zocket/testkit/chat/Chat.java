package dev.zocket.testkit.chat;

import dev.zocket.Actor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A small chat room, tested only through the kit. */
@Actor("chat")
public interface Chat {

    record State(List<Message> messages, List<String> online) implements ChatStateWithers {
        public State() {
            this(List.of(), List.of());
        }
    }

    record Message(String from, String text) {}

    record Send(@NotBlank @Size(max = 200) String text) {}

    record Sent(int index) {}

    record Reminder(@NotBlank String text, @Min(1) @Max(3600) int seconds) {}

    record Joined(String clientId) {}

    Sent send(Send input);

    /** Admins only: middleware checks the caller's role claim. */
    void clear();

    void remind(Reminder reminder);

    /** Completes when the gate middleware attached is opened; keeps the instance busy until then. */
    CompletionStage<Void> hold();

    interface Events {
        void message(Message message);

        void joined(Joined joined);
    }
}
