package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.example.draw.DrawingRoom.Attempt;
import dev.zocket.example.draw.DrawingRoom.CorrectGuess;
import dev.zocket.example.draw.DrawingRoom.Draw;
import dev.zocket.example.draw.DrawingRoom.Player;
import dev.zocket.example.draw.DrawingRoom.Guess;
import dev.zocket.example.draw.DrawingRoom.Join;
import dev.zocket.example.draw.DrawingRoom.Joined;
import dev.zocket.example.draw.DrawingRoom.Phase;
import dev.zocket.example.draw.DrawingRoom.Point;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.example.draw.DrawingRoom.Stroke;
import dev.zocket.example.draw.DrawingRoom.EndReason;
import dev.zocket.example.draw.DrawingRoom.Rename;
import dev.zocket.example.draw.DrawingRoom.RoundEnded;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every rule of the game, through the test kit. */
class DrawingRoomRulesTest {

    private static final Stroke LINE = new Stroke(List.of(new Point(1, 2), new Point(3.5, 4)), "#ef4444", 4);

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    private static final Duration ROUND = Duration.ofSeconds(new State().roundSeconds());

    private final ZocketTestKit kit = ZocketTestKit.builder()
            .actor(DrawingRoomBinding.INSTANCE, context -> new DrawingRoomActor(context, RandomGenerator.getDefault(), CLOCK))
            .build();

    @AfterEach
    void close() {
        kit.close();
    }

    private State state() {
        return kit.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow();
    }

    private static DrawingRoomHandle room(TestClient client) {
        return DrawingRoomHandle.of(client, "room");
    }

    private static RpcException failure(Runnable call) {
        CompletionException thrown = assertThrows(CompletionException.class, call::run);
        return assertInstanceOf(RpcException.class, thrown.getCause());
    }

    @Test
    void aFreshRoomIsAnEmptyLobbyOfThreeRounds() {
        room(kit.newClient()).state().subscribe(state -> {});
        assertEquals(new State(List.of(), Phase.LOBBY, "", "", "", List.of(), List.of(), 0, 3, 0, 80), state());
    }

    @Test
    void joiningSeatsThePlayerWithTheNextColour() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        Joined annSeat = room(ann).join(new Join("Ann")).join();
        Joined bobSeat = room(bob).join(new Join("Bob")).join();

        assertEquals(DrawingRoomActor.PLAYER_COLORS.get(0), annSeat.color());
        assertEquals(DrawingRoomActor.PLAYER_COLORS.get(1), bobSeat.color());
        assertNotEquals(annSeat.playerId(), bobSeat.playerId());
        assertTrue(annSeat.playerId().matches("[0-9a-z]{8}"), annSeat.playerId());
        assertEquals(List.of(new DrawingRoom.Player(annSeat.playerId(), "Ann", 0, annSeat.color(), ann.clientId().orElseThrow()),
                new DrawingRoom.Player(bobSeat.playerId(), "Bob", 0, bobSeat.color(), bob.clientId().orElseThrow())), state().players());
    }

    @Test
    void aKnownNameRejoinsItsSeatOnTheNewConnection() {
        TestClient first = kit.newClient();
        Joined seat = room(first).join(new Join("Ann")).join();
        TestClient second = kit.newClient();

        Joined again = room(second).join(new Join("Ann")).join();

        assertEquals(seat, again);
        assertEquals(1, state().players().size());
        assertEquals(second.clientId().orElseThrow(), state().players().get(0).connectionId());
    }

    @Test
    void aRoundNeedsTwoPlayers() {
        TestClient ann = kit.newClient();
        room(ann).join(new Join("Ann")).join();

        RpcException refused = failure(() -> room(ann).startRound().join());

        assertEquals("Need at least 2 players", refused.getMessage());
        assertEquals(ErrorCode.CONFLICT, refused.code());
        assertEquals(Phase.LOBBY, state().phase());
    }

    @Test
    void roundsHandTheCrayonToEachPlayerInTurnWithAWordAndItsHint() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        String annId = room(ann).join(new Join("Ann")).join().playerId();
        String bobId = room(bob).join(new Join("Bob")).join().playerId();

        room(ann).startRound().join();
        State first = state();
        assertEquals(Phase.DRAWING, first.phase());
        assertEquals(1, first.round());
        assertEquals(annId, first.drawerId());
        assertTrue(Words.ALL.contains(first.word()), first.word());
        assertEquals(Words.hint(first.word()), first.hint());
        assertEquals(first.word().length() * 2 - 1, first.hint().length());

        room(ann).draw(new Draw(LINE)).join();
        room(ann).startRound().join();
        State second = state();
        assertEquals(2, second.round());
        assertEquals(bobId, second.drawerId());
        assertTrue(second.strokes().isEmpty() && second.guesses().isEmpty(), "a new round starts clean");
    }

    @Test
    void strokesAreAddedOnlyWhileDrawing() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();

        room(ann).draw(new Draw(LINE)).join();
        assertTrue(state().strokes().isEmpty(), "ignored in the lobby");

        room(ann).startRound().join();
        room(ann).draw(new Draw(LINE)).join();
        room(ann).draw(new Draw(LINE)).join();
        assertEquals(List.of(LINE, LINE), state().strokes());
    }

    @Test
    void aCorrectGuessScoresEndsTheRoundAndIsAnnounced() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        String bobId = room(bob).join(new Join("Bob")).join().playerId();
        room(ann).onCorrectGuess(guess -> {});
        room(ann).startRound().join();
        String word = state().word();

        assertFalse(room(bob).guess(new Attempt(bobId, "not-a-word")).join().correct());
        assertTrue(room(bob).guess(new Attempt(bobId, "  " + word.toUpperCase() + " ")).join().correct());

        State after = state();
        assertEquals(Phase.ROUND_END, after.phase());
        assertEquals(10, after.players().get(1).score());
        assertEquals(0, after.players().get(0).score());
        assertEquals(List.of(new Guess(bobId, "Bob", "not-a-word", false), new Guess(bobId, "Bob", "Guessed correctly!", true)),
                after.guesses());
        assertEquals(List.of(new CorrectGuess("Bob", word)), ann.events("correctGuess", CorrectGuess.class));
    }

    @Test
    void guessesOutsideARoundOrFromStrangersAreWrongAndChangeNothing() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        String bobId = room(bob).join(new Join("Bob")).join().playerId();

        assertFalse(room(bob).guess(new Attempt(bobId, "cat")).join().correct(), "no round yet");
        room(ann).startRound().join();
        assertFalse(room(bob).guess(new Attempt("stranger", state().word())).join().correct());
        assertTrue(state().guesses().isEmpty());
        assertEquals(Phase.DRAWING, state().phase());
    }

    @Test
    void aGuessForSomeoneElsesPlayerIsWrongAndRecordsNothing() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        TestClient cid = kit.newClient();
        TestClient lurker = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        String bobId = room(bob).join(new Join("Bob")).join().playerId();
        room(cid).join(new Join("Cid")).join();
        room(ann).startRound().join();
        String word = state().word();

        assertFalse(room(cid).guess(new Attempt(bobId, word)).join().correct(), "a player guessing as another");
        assertFalse(room(lurker).guess(new Attempt(bobId, word)).join().correct(), "a connection without a seat");

        State after = state();
        assertTrue(after.guesses().isEmpty());
        assertEquals(Phase.DRAWING, after.phase());
        assertTrue(after.players().stream().allMatch(p -> p.score() == 0));
        assertTrue(room(bob).guess(new Attempt(bobId, word)).join().correct(), "the seat's own connection still can");
    }

    @Test
    void theDrawerCannotScoreByGuessingTheWordItWasGiven() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        String annId = room(ann).join(new Join("Ann")).join().playerId();
        room(bob).join(new Join("Bob")).join();
        room(ann).startRound().join();
        assertEquals(annId, state().drawerId());

        assertFalse(room(ann).guess(new Attempt(annId, state().word())).join().correct());

        State after = state();
        assertTrue(after.guesses().isEmpty());
        assertEquals(Phase.DRAWING, after.phase());
        assertTrue(after.players().stream().allMatch(p -> p.score() == 0));
    }

    @Test
    void aSeatTakenOverByARejoinNoLongerGuessesFromItsOldConnection() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        TestClient bobsNewTab = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        String bobId = room(bob).join(new Join("Bob")).join().playerId();
        room(bobsNewTab).join(new Join("Bob")).join();
        room(ann).startRound().join();

        assertFalse(room(bob).guess(new Attempt(bobId, state().word())).join().correct());
        assertTrue(state().guesses().isEmpty());
    }

    @Test
    void onlyTheDrawerCanDraw() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        TestClient lurker = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();
        room(ann).startRound().join();

        RpcException guesser = failure(() -> room(bob).draw(new Draw(LINE)).join());
        RpcException stranger = failure(() -> room(lurker).draw(new Draw(LINE)).join());

        assertEquals(ErrorCode.FORBIDDEN, guesser.code());
        assertEquals("Only the drawer can draw", guesser.getMessage());
        assertEquals(ErrorCode.FORBIDDEN, stranger.code());
        assertTrue(state().strokes().isEmpty());
        room(ann).draw(new Draw(LINE)).join();
        assertEquals(List.of(LINE), state().strokes());
    }

    @Test
    void aLeavingPlayerIsRemovedAndTheRoundGoesOn() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        TestClient cid = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();
        room(cid).join(new Join("Cid")).join();
        room(ann).startRound().join();
        room(ann).draw(new Draw(LINE)).join();

        cid.disconnect();

        assertEquals(List.of("Ann", "Bob"), state().players().stream().map(DrawingRoom.Player::name).toList());
        assertEquals(Phase.DRAWING, state().phase());
        assertEquals(1, state().strokes().size());
    }

    @Test
    void whenTheDrawerLeavesMidRoundTheRoomGoesBackToTheLobby() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();
        room(ann).startRound().join();
        room(ann).draw(new Draw(LINE)).join();

        ann.disconnect();

        State after = state();
        assertEquals(Phase.LOBBY, after.phase());
        assertEquals("", after.word());
        assertTrue(after.strokes().isEmpty());
        assertEquals(List.of("Bob"), after.players().stream().map(DrawingRoom.Player::name).toList());
    }

    @Test
    void afterTheLastRoundTheNextStartBeginsANewGame() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        String annId = room(ann).join(new Join("Ann")).join().playerId();
        String bobId = room(bob).join(new Join("Bob")).join().playerId();
        for (int round = 1; round <= 3; round++) {
            room(ann).startRound().join();
            boolean annDraws = state().drawerId().equals(annId);
            TestClient guesser = annDraws ? bob : ann;
            room(guesser).guess(new Attempt(annDraws ? bobId : annId, state().word())).join();
        }
        assertEquals(3, state().round());
        assertEquals(List.of(10, 20), state().players().stream().map(Player::score).toList(),
                "Ann guessed in round 2, Bob in rounds 1 and 3");

        room(ann).startRound().join();

        assertEquals(1, state().round());
        assertTrue(state().players().stream().allMatch(p -> p.score() == 0), "scores start again");
    }

    /** Ann and Bob are seated; Ann draws round 1. */
    private void annDrawsRoundOne(TestClient ann, TestClient bob) {
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();
        room(ann).onRoundEnded(ended -> {});
        room(ann).startRound().join();
    }

    // tag::timer-test[]
    @Test
    void aRoundEndsOnItsTimerWithTheWordRevealedAndNoScore() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        annDrawsRoundOne(ann, bob);
        String word = state().word();
        assertEquals(CLOCK.millis() + ROUND.toMillis(), state().roundEndsAt(), "the page counts down to this");

        kit.advance(ROUND.minusMillis(1));
        assertEquals(Phase.DRAWING, state().phase());

        kit.advance(Duration.ofMillis(1));
        State after = state();
        assertEquals(Phase.ROUND_END, after.phase());
        assertEquals(word, after.word());
        assertEquals(0, after.roundEndsAt());
        assertTrue(after.players().stream().allMatch(p -> p.score() == 0));
        assertEquals(List.of(new RoundEnded(word, EndReason.TIME_UP)), ann.events("roundEnded", RoundEnded.class));
    }
    // end::timer-test[]

    @Test
    void aRoomRunsRoundsOfTheLengthItsActorWasGiven() {
        try (ZocketTestKit shortRounds = ZocketTestKit.builder()
                .actor(DrawingRoomBinding.INSTANCE,
                        context -> new DrawingRoomActor(context, RandomGenerator.getDefault(), CLOCK, Duration.ofSeconds(30)))
                .build()) {
            TestClient ann = shortRounds.newClient();
            TestClient bob = shortRounds.newClient();
            DrawingRoomHandle.of(ann, "room").join(new Join("Ann")).join();
            DrawingRoomHandle.of(bob, "room").join(new Join("Bob")).join();
            assertEquals(30, shortRounds.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().roundSeconds());

            DrawingRoomHandle.of(ann, "room").startRound().join();
            assertEquals(CLOCK.millis() + 30_000, shortRounds.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().roundEndsAt());
            shortRounds.advance(Duration.ofSeconds(30));

            assertEquals(Phase.ROUND_END, shortRounds.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().phase());
        }
    }

    @Test
    void theTimerOfARoundThatEndedEarlyDoesNotCutTheNextRoundShort() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        annDrawsRoundOne(ann, bob);
        String bobId = state().players().get(1).id();
        kit.advance(Duration.ofSeconds(10));
        room(bob).guess(new Attempt(bobId, state().word())).join();
        kit.advance(Duration.ofSeconds(10));
        room(ann).startRound().join();

        kit.advance(ROUND.minusSeconds(20)); // round 1's deadline passes
        assertEquals(Phase.DRAWING, state().phase());
        assertEquals(2, state().round());

        kit.advance(Duration.ofSeconds(20)); // round 2's own deadline
        assertEquals(Phase.ROUND_END, state().phase());
        assertEquals(List.of(new RoundEnded(state().word(), EndReason.TIME_UP)), ann.events("roundEnded", RoundEnded.class));
    }

    @Test
    void theDrawerCanSkipAndTheSkippedRoundsTimerStaysQuiet() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        annDrawsRoundOne(ann, bob);
        String word = state().word();

        room(ann).skipRound().join();

        assertEquals(Phase.ROUND_END, state().phase());
        assertEquals(0, state().roundEndsAt());
        kit.advance(ROUND.multipliedBy(2));
        assertEquals(Phase.ROUND_END, state().phase());
        assertEquals(List.of(new RoundEnded(word, EndReason.SKIPPED)), ann.events("roundEnded", RoundEnded.class));
    }

    @Test
    void onlyTheDrawerCanSkipAndOnlyDuringARound() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();

        assertEquals("No round is being drawn", failure(() -> room(ann).skipRound().join()).getMessage());
        room(ann).startRound().join();
        RpcException refused = failure(() -> room(bob).skipRound().join());

        assertEquals("Only the drawer can skip the round", refused.getMessage());
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals(Phase.DRAWING, state().phase());
    }

    @Test
    void renamingKeepsTheSeatAndScoreUnderAFreeName() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        String annId = room(ann).join(new Join("Ann")).join().playerId();
        room(bob).join(new Join("Bob")).join();

        room(ann).rename(new Rename("Annie")).join();
        RpcException taken = failure(() -> room(ann).rename(new Rename("Bob")).join());

        assertEquals("Someone in this room is already called Bob", taken.getMessage());
        assertEquals(ErrorCode.CONFLICT, taken.code());
        assertEquals(List.of("Annie", "Bob"), state().players().stream().map(DrawingRoom.Player::name).toList());
        assertEquals(annId, state().players().get(0).id());
        assertEquals("Join the room first", failure(() -> room(kit.newClient()).rename(new Rename("Cid")).join()).getMessage());
    }

    @Test
    void aPlayerWhoLeavesGivesUpTheSeatAndCanJoinAgainAsSomeoneElse() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        room(ann).join(new Join("Ann")).join();
        room(bob).join(new Join("Bob")).join();

        room(bob).leave().join();
        assertEquals(List.of("Ann"), state().players().stream().map(DrawingRoom.Player::name).toList());
        assertEquals("Join the room first", failure(() -> room(bob).leave().join()).getMessage());

        room(bob).join(new Join("Rob")).join();
        assertEquals(List.of("Ann", "Rob"), state().players().stream().map(DrawingRoom.Player::name).toList());
    }

    @Test
    void whenTheDrawerLeavesTheRoomGoesBackToTheLobbyAndTheTimerIsCalledOff() {
        TestClient ann = kit.newClient();
        TestClient bob = kit.newClient();
        TestClient cid = kit.newClient();
        annDrawsRoundOne(ann, bob);
        room(cid).join(new Join("Cid")).join();

        room(ann).leave().join();

        assertEquals(Phase.LOBBY, state().phase());
        assertEquals(0, state().roundEndsAt());
        kit.advance(ROUND);
        assertEquals(Phase.LOBBY, state().phase());
        assertTrue(ann.events("roundEnded", RoundEnded.class).isEmpty());
    }
}
