package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.draw.DrawingRoom.Attempt;
import dev.zocket.example.draw.DrawingRoom.CorrectGuess;
import dev.zocket.example.draw.DrawingRoom.Draw;
import dev.zocket.example.draw.DrawingRoom.Join;
import dev.zocket.example.draw.DrawingRoom.Phase;
import dev.zocket.example.draw.DrawingRoom.Point;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.example.draw.DrawingRoom.Stroke;
import dev.zocket.server.ZocketServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
}
