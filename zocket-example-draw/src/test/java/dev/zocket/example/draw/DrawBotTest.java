package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.draw.DrawingRoom.Join;
import dev.zocket.example.draw.DrawingRoom.Phase;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.server.ZocketServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two bots in a room with a person: the drawing bot scribbles and the other one guesses. */
@Timeout(60)
class DrawBotTest {

    @Test
    void theDrawerBotDrawsAndTheOtherBotGuesses() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ZocketServer server = DrawServer.start(0, 0, "127.0.0.1");
                ZocketClient firstClient = ZocketClient.connect(server.url());
                ZocketClient secondClient = ZocketClient.connect(server.url());
                ZocketClient personClient = ZocketClient.connect(server.url())) {
            // Each bot joins as it is made; closing its client ends it.
            new DrawBot(firstClient, "bots", "Bot 1", timer);
            new DrawBot(secondClient, "bots", "Bot 2", timer);
            DrawingRoomHandle person = DrawingRoomHandle.of(personClient, "bots");
            CompletableFuture<State> botsPlayed = new CompletableFuture<>();
            person.state().subscribe(state -> {
                boolean drawn = !state.strokes().isEmpty();
                boolean guessedByTheOtherBot = state.guesses().stream()
                        .anyMatch(guess -> guess.name().startsWith("Bot") && !guess.playerId().equals(state.drawerId()));
                if (drawn && guessedByTheOtherBot) {
                    botsPlayed.complete(state);
                } else if (state.phase() == Phase.ROUND_END) {
                    person.startRound(); // a lucky guess ended the round before the drawer's first stroke
                }
            });
            person.join(new Join("Ada")).get(10, TimeUnit.SECONDS);

            person.startRound().get(10, TimeUnit.SECONDS);

            State played = botsPlayed.get(30, TimeUnit.SECONDS);
            String drawer = played.players().stream()
                    .filter(player -> player.id().equals(played.drawerId())).findFirst().orElseThrow().name();
            assertTrue(drawer.startsWith("Bot"), "the drawer is a bot: " + drawer);
            assertTrue(played.strokes().stream().allMatch(stroke -> stroke.points().size() == 12),
                    "every stroke is one of the bot's scribbles");
        } finally {
            timer.shutdownNow();
        }
    }
}
