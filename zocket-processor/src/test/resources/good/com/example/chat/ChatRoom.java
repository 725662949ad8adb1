package com.example.chat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.Actor;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A representative contract: every kind of method, event and state member the processor supports. */
@Actor("chat")
@RolesAllowed("member")
public interface ChatRoom {

    record State(
            List<Message> messages,
            Map<String, Member> members,
            Optional<String> topic,
            Mood mood,
            @JsonProperty("msg/count") int messageCount,
            double[] heat,
            List<List<Point>> doodles)
            implements ChatRoomStateWithers {

        public State() {
            this(List.of(), Map.of(), Optional.empty(), Mood.CALM, 0, new double[0], List.of());
        }
    }

    record Message(String from, String text, long sentAt) {}

    record Member(@NotBlank String name, boolean typing) {}

    enum Mood { CALM, LIVELY }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Point(double x, double y) {}

    record Send(@NotBlank @Size(max = 2000) String text) {}

    record Sent(int index) {}

    record Join(@NotNull @Valid Member member) {}

    record Cleared(String by) {}

    Sent sendMessage(Send input);

    @RolesAllowed({"moderator", "admin"})
    void clear();

    @PermitAll
    int count();

    List<Message> history();

    CompletionStage<Sent> sendLater(Send input);

    @RolesAllowed({"moderator", "admin"})
    CompletionStage<Void> flush();

    @DenyAll
    void join(Join request);

    interface Events {
        void newMessage(Message message);

        void cleared(Cleared cleared);
    }
}
