package dev.zocket.example.draw;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
     *
     * <p>{@code roundEndsAt} and {@code roundSeconds} are this port's additions (clients of the
     * original ignore them): when the running round ends on its timer, in milliseconds since
     * the epoch ({@code 0} outside a round), and how long a round lasts.
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
            int maxRounds,
            long roundEndsAt,
            int roundSeconds)
            implements DrawingRoomStateWithers {

        public State() {
            this(List.of(), Phase.LOBBY, "", "", "", List.of(), List.of(), 0, 3, 0, 80);
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
            @NotNull @Size(max = 64) String color,
            @PositiveOrZero @Max(200) double width) {}
    // end::stroke[]

    record Guess(String playerId, String name, String text, boolean correct) {}

    record Join(@NotBlank @Size(max = 40) String name) {}

    record Joined(String playerId, String color) {}

    record Rename(@NotBlank @Size(max = 40) String name) {}

    record Draw(@NotNull @Valid Stroke stroke) {}

    record Attempt(@NotNull @Size(max = 64) String playerId, @NotNull @Size(max = 100) String text) {}

    record GuessResult(boolean correct) {}

    record CorrectGuess(String name, String word) {}

    /** Why a round ended without a correct guess. */
    enum EndReason {
        @JsonProperty("timeUp") TIME_UP,
        @JsonProperty("skipped") SKIPPED
    }

    record RoundEnded(String word, EndReason reason) {}

    /** Joins the room, or rejoins: a name already playing gets its seat back on this connection. */
    Joined join(Join input);

    /** Gives the caller's seat a new name, keeping its score; the name must be free. */
    void rename(Rename input);

    /** Gives up the caller's seat and its score, as closing the connection does. */
    void leave();

    /**
     * Starts the next round with the next drawer in turn; needs two players. The round ends on a
     * correct guess, when the drawer skips, or after {@code roundSeconds}.
     */
    void startRound();

    /** Ends the round without a winner; only its drawer may. */
    void skipRound();

    /** Adds a stroke to the drawing, while a round is on. */
    void draw(Draw input);

    /** Guesses the word; a correct guess scores 10 and ends the round. */
    GuessResult guess(Attempt input);

    interface Events {
        void correctGuess(CorrectGuess guess);

        /** A round ended on its timer or was skipped; a correct guess is announced by {@code correctGuess}. */
        void roundEnded(RoundEnded ended);
    }

    // tag::view[]
    /**
     * Whether a subscriber may see the word: the drawer may, and so may everyone once the round
     * is over; guessers during a round may not. Two audiences, so a room of any size costs at most
     * two encodings per change.
     */
    @View.Audience
    static boolean seesWord(State state, Viewer viewer) {
        return state.phase() != Phase.DRAWING
                || state.players().stream().anyMatch(p -> p.connectionId().equals(viewer.clientId())
                        && p.id().equals(state.drawerId()));
    }

    /** The state, with the word emptied for those who must guess it: same shape for every client. */
    @View
    static State view(State state, boolean seesWord) {
        return seesWord ? state : state.withWord("");
    }
    // end::view[]
}
