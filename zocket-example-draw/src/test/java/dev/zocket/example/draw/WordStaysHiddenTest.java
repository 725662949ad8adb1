package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.server.ZocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A whole game of three rounds over real sockets, played by three raw WebSocket clients that
 * keep every frame they receive: while a round is being drawn, no frame a guesser receives holds
 * that round's word, and the drawer's view does.
 */
@Timeout(60)
class WordStaysHiddenTest {

    private static final JsonCodec JSON = JsonCodec.standard();

    @Test
    void guessersNeverReceiveTheWordWhileTheDrawerSeesIt() throws Exception {
        try (ZocketServer server = DrawServer.start(0, 0, "127.0.0.1", Duration.ofMinutes(5))) {
            List<Player> players = new ArrayList<>();
            for (String name : List.of("Ann", "Bob", "Cy")) {
                Player player = Player.connect(server.url());
                player.join(name);
                players.add(player);
            }
            int rounds = 0;
            for (int round = 1; round <= 3; round++) {
                int current = round;
                players.get(0).call("startRound", "null");
                for (Player player : players) {
                    player.awaitState(s -> s.path("round").asInt() == current && isDrawing(s));
                }
                Player drawer = drawerOf(players);
                String word = drawer.state.path("word").asString();
                assertFalse(word.isEmpty(), "the drawer's view holds the word");
                drawer.call("draw", "{\"stroke\":{\"points\":[[1,2],[3,4]],\"color\":\"#000\",\"width\":4}}");
                List<Player> guessers = players.stream().filter(p -> p != drawer).toList();
                for (Player guesser : guessers) {
                    guesser.awaitState(s -> s.path("strokes").size() == 1);
                    assertEquals("", guesser.state.path("word").asString(), "a guesser's view has no word");
                }
                guessers.get(0).call("guess", guessInput(guessers.get(0), "certainly not it"));
                guessers.get(1).call("guess", guessInput(guessers.get(1), word));
                for (Player player : players) {
                    player.awaitState(s -> "roundEnd".equals(s.path("phase").asString()));
                    assertEquals(word, player.state.path("word").asString(), "the word is public once the round is over");
                }
                for (Player guesser : guessers) {
                    guesser.assertNoFrameHeld(word, round);
                }
                rounds++;
            }
            assertEquals(3, rounds);
            for (Player player : players) {
                player.close();
            }
        }
    }

    private static boolean isDrawing(JsonNode state) {
        return "drawing".equals(state.path("phase").asString());
    }

    private static Player drawerOf(List<Player> players) {
        String drawerId = players.get(0).state.path("drawerId").asString();
        return players.stream().filter(p -> p.playerId.equals(drawerId)).findFirst().orElseThrow();
    }

    private static String guessInput(Player guesser, String text) {
        return "{\"playerId\":" + JsonText.quote(guesser.playerId) + ",\"text\":" + JsonText.quote(text) + "}";
    }

    /** One browser-like player: a raw socket, every frame it received, and its view of the state. */
    private static final class Player implements WebSocket.Listener {
        private final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        /** Every frame received, with the round and phase of the view once it was applied. */
        private final List<Received> received = new ArrayList<>();
        private WebSocket socket;
        private JsonNode state;
        private String playerId;
        private int calls;

        record Received(String frame, int round, boolean drawing) {}

        static Player connect(String url) throws Exception {
            Player player = new Player();
            player.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), player).get(10, TimeUnit.SECONDS);
            player.send("{\"type\":\"state:sub\",\"actor\":\"draw\",\"actorId\":\"secret\"}");
            player.send("{\"type\":\"event:sub\",\"actor\":\"draw\",\"actorId\":\"secret\"}");
            player.awaitState(s -> true);
            return player;
        }

        void join(String name) throws Exception {
            playerId = call("join", "{\"name\":" + JsonText.quote(name) + "}").path("playerId").asString();
        }

        JsonNode call(String method, String input) throws Exception {
            String id = "rpc_" + (++calls);
            send("{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"draw\",\"actorId\":\"secret\",\"method\":\""
                    + method + "\",\"input\":" + input + "}");
            JsonNode result = next(m -> "rpc:result".equals(m.path("type").asString()) && id.equals(m.path("id").asString()));
            assertTrue(result.path("error").isMissingNode(), () -> method + " failed: " + result);
            return result.path("result");
        }

        void awaitState(Predicate<JsonNode> condition) throws InterruptedException {
            if (state == null || !condition.test(state)) {
                next(m -> state != null && condition.test(state));
            }
        }

        /** Frames received while round {@code round} was being drawn must not hold its word. */
        void assertNoFrameHeld(String word, int round) {
            String quoted = JsonText.quote(word).toLowerCase(Locale.ROOT);
            long scanned = 0;
            for (Received frame : received) {
                if (frame.round() == round && frame.drawing()) {
                    scanned++;
                    assertFalse(frame.frame().toLowerCase(Locale.ROOT).contains(quoted),
                            () -> "a guesser received the word " + word + ": " + frame.frame());
                }
            }
            assertTrue(scanned >= 2, "the round's frames were seen");
        }

        private void send(String frame) throws Exception {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }

        /** Reads frames, applying state messages, until one (or the state after it) matches. */
        private JsonNode next(Predicate<JsonNode> condition) throws InterruptedException {
            while (true) {
                String frame = incoming.poll(10, TimeUnit.SECONDS);
                if (frame == null) {
                    throw new AssertionError("no matching frame within 10 s");
                }
                JsonNode message = JSON.parse(frame);
                String type = message.path("type").asString();
                if ("state:snapshot".equals(type)) {
                    state = message.path("state");
                } else if ("state:patch".equals(type)) {
                    state = JsonPatch.fromJson(message.path("patches")).apply(state);
                }
                received.add(new Received(frame, state == null ? 0 : state.path("round").asInt(),
                        state != null && isDrawing(state)));
                if (condition.test(message)) {
                    return message;
                }
            }
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                incoming.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
