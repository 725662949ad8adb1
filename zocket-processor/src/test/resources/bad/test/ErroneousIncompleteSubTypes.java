package test;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.zocket.Actor;

@Actor("subtypes")
public interface ErroneousIncompleteSubTypes {
    record State(Phase phase) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
    @JsonSubTypes(@JsonSubTypes.Type(value = Lobby.class, name = "lobby"))
    sealed interface Phase permits Lobby, Playing {}

    record Lobby(int players) implements Phase {}

    record Playing(int round) implements Phase {}
}
