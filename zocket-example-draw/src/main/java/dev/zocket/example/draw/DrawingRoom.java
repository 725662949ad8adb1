package dev.zocket.example.draw;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The multiplayer draw &amp; guess game: players take turns drawing a secret word while the
 * others guess it. Field names and enum spellings match the original Zocket example, so its
 * clients work unchanged.
 */
@Actor("draw")
public interface DrawingRoom {

    /**
     * The whole game. {@code word} is shared state, as in the original game: every subscriber
     * receives it (a later step adds per-client views so that only the drawer does).
     */
    // tag::state[]
    record State(
            List<Player> players,
            Phase phase,
            String drawerId,
            String word,
            String hint,
            List<Stroke> strokes,
            List<Guess> guesses,
            int round,
            int maxRounds)
            implements DrawingRoomStateWithers {

        public State() {
            this(List.of(), Phase.LOBBY, "", "", "", List.of(), List.of(), 0, 3);
        }
    }
    // end::state[]

    record Player(String id, String name, int score, String color, String connectionId)
            implements DrawingRoomPlayerWithers {}

    enum Phase {
        @JsonProperty("lobby") LOBBY,
        @JsonProperty("drawing") DRAWING,
        @JsonProperty("roundEnd") ROUND_END
    }

    /** A point, written {@code [x, y]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Point(double x, double y) {}

    // tag::stroke[]
    record Stroke(
            @NotNull @Size(max = 2_000) List<@NotNull Point> points,
            @NotNull @Pattern(regexp = "#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}", message = "must be a colour like #f00 or #ff0000")
                    String color,
            @PositiveOrZero @Max(200) double width) {}
    // end::stroke[]

    record Guess(String playerId, String name, String text, boolean correct) {}

    record Join(@NotBlank @Size(max = 40) String name) {}

    record Joined(String playerId, String color) {}

    record Draw(@NotNull @Valid Stroke stroke) {}

    record Attempt(@NotNull @Size(max = 64) String playerId, @NotNull @Size(max = 100) String text) {}

    record GuessResult(boolean correct) {}

    record CorrectGuess(String name, String word) {}

    /** Joins the room, or rejoins: a name already playing gets its seat back on this connection. */
    Joined join(Join input);

    /** Starts the next round with the next drawer in turn; needs two players. */
    void startRound();

    /** Adds a stroke to the drawing, while a round is on. */
    void draw(Draw input);

    /** Guesses the word; a correct guess scores 10 and ends the round. */
    GuessResult guess(Attempt input);

    interface Events {
        void correctGuess(CorrectGuess guess);
    }
}
