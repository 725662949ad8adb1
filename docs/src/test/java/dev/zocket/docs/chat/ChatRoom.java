package dev.zocket.docs.chat;

import dev.zocket.Actor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

// tag::contract[]
@Actor("chat")
public interface ChatRoom {

    record State(List<Message> messages) implements ChatRoomStateWithers {
        public State() {
            this(List.of());
        }
    }

    record Message(String from, String text) {}

    record Send(@NotBlank @Size(max = 2000) String text) {}

    record Sent(int index) {}

    Sent sendMessage(Send input);

    void clear();

    interface Events {
        void newMessage(Message message);
    }
}
// end::contract[]
