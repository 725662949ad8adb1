package dev.zocket.docs.chat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Shows the shapes a contract may use. */
@Actor("game")
public interface Game {

    // tag::state[]
    record State(
            List<Player> players,            // lists of records, diffed element by element
            Map<String, Integer> scores,     // maps with string keys
            Phase phase,                     // enums
            Optional<String> winner,         // absent values: empty Optional, or null
            List<Stroke> strokes,
            int round)                       // primitives and boxes, String, BigDecimal, UUID, java.time
            implements GameStateWithers {

        public State() {
            this(List.of(), Map.of(), Phase.LOBBY, Optional.empty(), List.of(), 0);
        }
    }

    enum Phase {
        @JsonProperty("lobby") LOBBY,        // the wire name of each constant
        @JsonProperty("drawing") DRAWING
    }

    record Player(String id, String name, int score) implements GamePlayerWithers {}
    // end::state[]

    // tag::validation[]
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Point(double x, double y) {}      // travels as [x, y]

    record Stroke(
            @NotNull @Size(max = 2000) List<@NotNull Point> points,
            @NotNull @Pattern(regexp = "#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}") String color,
            @PositiveOrZero double width) {}

    record Draw(@NotNull @Valid Stroke stroke) {}   // @Valid: check the nested record too
    // end::validation[]

    record Join(@NotNull @Size(min = 1, max = 40) String name) {}

    record Joined(String playerId) {}

    // tag::methods[]
    Joined join(Join input);                 // one record in, one value out

    void startRound();                       // no input, no result: still acknowledged

    int round();                             // any encodable type as a result

    CompletionStage<Void> draw(Draw input);  // asynchronous: the instance waits for it
    // end::methods[]
}
