package dev.zocket.docs.chat;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.zocket.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/** The types beyond records, lists and string maps, for docs/actors.md. */
@Actor("match")
public interface Match {

    // tag::sealed[]
    record State(
            Phase phase,                       // a sealed interface of records
            Map<Team, Integer> scores,         // keys: String, enum, UUID, Integer, Long
            SortedMap<Long, String> log,       // SortedMap and NavigableMap too
            Set<String> guessed)               // sets of scalars or enums
            implements MatchStateWithers {

        public State() {
            this(new Lobby(List.of()), Map.of(), Collections.emptySortedMap(), Set.of());
        }
    }

    sealed interface Phase permits Lobby, Drawing, Over {}

    record Lobby(List<String> ready) implements Phase {}          // {"type":"Lobby","ready":[]}

    record Drawing(String drawer, int round) implements Phase {}  // {"type":"Drawing","drawer":"ann","round":2}

    record Over(String winner) implements Phase {}

    enum Team { RED, BLUE }
    // end::sealed[]

    // tag::typeinfo[]
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")  // Jackson's own, honoured as written
    sealed interface Message permits Text, Image {}

    @JsonTypeName("text")
    record Text(@NotBlank String text) implements Message {}       // {"kind":"text","text":"hi"}

    @JsonTypeName("image")
    record Image(@NotBlank String url) implements Message {}

    void send(@Valid Message message);                            // as an input, a result or an event payload
    // end::typeinfo[]
}
