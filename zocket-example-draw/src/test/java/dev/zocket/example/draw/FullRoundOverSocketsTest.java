package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.client.ZocketClient;
import dev.zocket.example.draw.DrawingRoom.Attempt;
import dev.zocket.example.draw.DrawingRoom.CorrectGuess;
import dev.zocket.example.draw.DrawingRoom.Draw;
import dev.zocket.example.draw.DrawingRoom.Guess;
import dev.zocket.example.draw.DrawingRoom.Join;
import dev.zocket.example.draw.DrawingRoom.Phase;
import dev.zocket.example.draw.DrawingRoom.Point;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.example.draw.DrawingRoom.Stroke;
import dev.zocket.server.ZocketServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two Java clients play a whole round against the game's server, over real sockets. */
@Timeout(60)
class FullRoundOverSocketsTest {

    /** Waits for a state that satisfies {@code condition}, as the game's UI would. */
    private static State awaitState(BlockingQueue<State> states, Predicate<State> condition) throws InterruptedException {
        while (true) {
            State state = states.poll(10, TimeUnit.SECONDS);
            if (state == null) {
                throw new AssertionError("no matching state within 10 s");
            }
            if (condition.test(state)) {
                return state;
            }
        }
    }

    @Test
    void twoPlayersPlayARound() throws Exception {
        try (ZocketServer server = DrawServer.start(0, 0, "127.0.0.1");
                ZocketClient annClient = ZocketClient.connect(server.url());
                ZocketClient bobClient = ZocketClient.connect(server.url())) {
            DrawingRoomHandle ann = DrawingRoomHandle.of(annClient, "e2e");
            DrawingRoomHandle bob = DrawingRoomHandle.of(bobClient, "e2e");
            BlockingQueue<State> bobSees = new LinkedBlockingQueue<>();
            bob.state().subscribe(bobSees::add);
            BlockingQueue<State> annSees = new LinkedBlockingQueue<>();
            ann.state().subscribe(annSees::add);
            CompletableFuture<CorrectGuess> announced = new CompletableFuture<>();
            ann.onCorrectGuess(announced::complete);

            String annId = ann.join(new Join("Ann")).get(10, TimeUnit.SECONDS).playerId();
            String bobId = bob.join(new Join("Bob")).get(10, TimeUnit.SECONDS).playerId();
            ann.startRound().get(10, TimeUnit.SECONDS);

            State drawing = awaitState(annSees, s -> s.phase() == Phase.DRAWING);
            assertEquals(annId, drawing.drawerId());
            assertEquals("", awaitState(bobSees, s -> s.phase() == Phase.DRAWING).word(), "only the drawer sees the word");
            Stroke stroke = new Stroke(List.of(new Point(10, 10), new Point(120.5, 80)), "#3b82f6", 6);
            ann.draw(new Draw(stroke)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(stroke), awaitState(bobSees, s -> !s.strokes().isEmpty()).strokes(),
                    "the stroke reached the other player");

            assertFalse(bob.guess(new Attempt(bobId, "definitely wrong")).get(10, TimeUnit.SECONDS).correct());
            assertTrue(bob.guess(new Attempt(bobId, drawing.word())).get(10, TimeUnit.SECONDS).correct());

            assertEquals(new CorrectGuess("Bob", drawing.word()), announced.get(10, TimeUnit.SECONDS));
            State ended = awaitState(bobSees, s -> s.phase() == Phase.ROUND_END);
            assertEquals(10, ended.players().stream().filter(p -> p.id().equals(bobId)).findFirst().orElseThrow().score());
            assertEquals(2, ended.guesses().size());
        }
    }
    /**
     * A player guessing under another's id, a guesser drawing and a connection without a seat
     * drawing, over real sockets: the guess is wrong and not recorded, the strokes are refused.
     * The word comes from the drawer's state, the one subscriber that needs to hold it.
     */
    @Test
    void playersCanGuessOnlyAsThemselvesAndOnlyTheDrawerDraws() throws Exception {
        try (ZocketServer server = DrawServer.start(0, 0, "127.0.0.1");
                ZocketClient annClient = ZocketClient.connect(server.url());
                ZocketClient bobClient = ZocketClient.connect(server.url());
                ZocketClient eveClient = ZocketClient.connect(server.url());
                ZocketClient lurkerClient = ZocketClient.connect(server.url())) {
            DrawingRoomHandle ann = DrawingRoomHandle.of(annClient, "cheats");
            DrawingRoomHandle bob = DrawingRoomHandle.of(bobClient, "cheats");
            DrawingRoomHandle eve = DrawingRoomHandle.of(eveClient, "cheats");
            DrawingRoomHandle lurker = DrawingRoomHandle.of(lurkerClient, "cheats");
            BlockingQueue<State> annSees = new LinkedBlockingQueue<>();
            ann.state().subscribe(annSees::add);

            ann.join(new Join("Ann")).get(10, TimeUnit.SECONDS);
            String bobId = bob.join(new Join("Bob")).get(10, TimeUnit.SECONDS).playerId();
            eve.join(new Join("Eve")).get(10, TimeUnit.SECONDS);
            ann.startRound().get(10, TimeUnit.SECONDS);
            String word = awaitState(annSees, s -> s.phase() == Phase.DRAWING).word();
            Draw stroke = new Draw(new Stroke(List.of(new Point(1, 1), new Point(2, 2)), "#22c55e", 3));

            assertFalse(eve.guess(new Attempt(bobId, word)).get(10, TimeUnit.SECONDS).correct());
            assertFalse(lurker.guess(new Attempt(bobId, word)).get(10, TimeUnit.SECONDS).correct());
            assertEquals(ErrorCode.FORBIDDEN, refusal(bob.draw(stroke)).code());
            assertEquals(ErrorCode.FORBIDDEN, refusal(lurker.draw(stroke)).code());
            assertFalse(bob.guess(new Attempt(bobId, "definitely wrong")).get(10, TimeUnit.SECONDS).correct());

            State after = awaitState(annSees, s -> !s.guesses().isEmpty());
            assertEquals(List.of(new Guess(bobId, "Bob", "definitely wrong", false)), after.guesses(),
                    "only Bob's own guess was recorded, after the others were answered");
            assertTrue(after.strokes().isEmpty());
            assertEquals(Phase.DRAWING, after.phase());
            assertTrue(after.players().stream().allMatch(p -> p.score() == 0));
        }
    }

    private static RpcException refusal(CompletableFuture<?> call) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(RpcException.class, thrown.getCause());
    }
}
