package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zocket.protocol.RpcResult;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a real client sends is accepted (a stroke's colour is any CSS colour string, as in the
 * original), and what is malformed is rejected with the spec's
 * validation error. Raw JSON is sent, as a browser would, through a client's state subscription
 * to see what changed.
 */
class DrawingRoomInputTest {

    private final ZocketTestKit kit = ZocketTestKit.builder()
            .actor(DrawingRoomBinding.INSTANCE, DrawingRoomActor::new)
            .build();
    private final RawCaller caller = new RawCaller(kit);

    @AfterEach
    void close() {
        kit.close();
    }

    private void startDrawing() {
        caller.call("join", "{\"name\":\"Ann\"}");
        caller.asSecondPlayer("{\"name\":\"Bob\"}");
        caller.call("startRound", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "Ann-Marie O'Neil!", "李雷", "x", "(╯°□°)╯︵ ┻━┻", "a name of exactly forty characters......"})
    void anyNonBlankNameWithPunctuationJoins(String name) {
        RpcResult result = caller.call("join", "{\"name\":" + JsonText.quote(name) + "}");
        assertFalse(result.isError(), result.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"points\":[[10,20],[30.5,40.25]],\"color\":\"#f00\",\"width\":4}",
        "{\"points\":[[0,0]],\"color\":\"#3B82F6\",\"width\":0.5}",
        "{\"points\":[],\"color\":\"#abcdef\",\"width\":0}",
        "{\"points\":[[1,2]],\"color\":\"#fff\",\"width\":2,\"extra\":\"ignored\"}",
        "{\"points\":[[1,2]],\"color\":\"blue\",\"width\":2}",
        "{\"points\":[[1,2]],\"color\":\"rgb(0,0,0)\",\"width\":2}",
        "{\"points\":[[1,2]],\"color\":\"#0f0\",\"width\":2}",
        "{\"points\":[[1,2]],\"color\":\"hsl(120 100% 25% / 0.5)\",\"width\":2}",
    })
    void realStrokesAreAccepted(String stroke) {
        startDrawing();
        RpcResult result = caller.call("draw", "{\"stroke\":" + stroke + "}");
        assertFalse(result.isError(), result.toString());
        assertEquals(1, kit.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().strokes().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "join       | {}                                                     | Validation failed for join: [name: must not be blank]",
        "join       | {\"name\":\"   \"}                                    | Validation failed for join: [name: must not be blank]",
        "join       | {\"name\":42}                                         | Validation failed for join: [name: expected a string but was a number]",
        "join       | null                                                   | Validation failed for join: [input: is required]",
        "draw       | {}                                                     | Validation failed for draw: [stroke: must not be null]",
        "draw       | {\"stroke\":{\"points\":[[1,2]],\"color\":7,\"width\":1}}              | Validation failed for draw: [stroke.color: expected a string but was a number]",
        "draw       | {\"stroke\":{\"points\":[[1,2]],\"width\":1}}                          | Validation failed for draw: [stroke.color: must not be null]",
        "draw       | {\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\",\"width\":-1}}        | Validation failed for draw: [stroke.width: must be greater than or equal to 0]",
        "draw       | {\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\"}}                      | Validation failed for draw: [stroke.width: is required]",
        "draw       | {\"stroke\":{\"points\":[[1]],\"color\":\"#fff\",\"width\":1}}            | Validation failed for draw: [stroke.points[0]: expected an array of 2 elements but got 1]",
        "draw       | {\"stroke\":{\"points\":[[1,\"2\"]],\"color\":\"#fff\",\"width\":1}}      | Validation failed for draw: [stroke.points[0]: expected a number]",
        "draw       | {\"stroke\":{\"points\":\"none\",\"color\":\"#fff\",\"width\":1}}         | Validation failed for draw: [stroke.points: expected an array]",
        "guess      | {\"text\":\"cat\"}                                     | Validation failed for guess: [playerId: must not be null]",
        "guess      | {\"playerId\":\"p\",\"text\":false}                    | Validation failed for guess: [text: expected a string but was a boolean]",
    })
    void malformedInputGetsTheValidationError(String method, String input, String message) {
        RpcResult result = caller.call(method, input.equals("null") ? null : input);
        assertEquals(message, result.error());
        assertEquals("bad_request", result.code().wireName());
    }

    @org.junit.jupiter.api.Test
    void boundsStopAbuseNotPlay() {
        startDrawing();
        StringBuilder points = new StringBuilder("[");
        for (int i = 0; i < 2_001; i++) {
            points.append(i == 0 ? "" : ",").append("[1,1]");
        }
        RpcResult tooLong = caller.call("draw", "{\"stroke\":{\"points\":" + points + "],\"color\":\"#fff\",\"width\":1}}");
        assertEquals("Validation failed for draw: [stroke.points: size must be between 0 and 2000]", tooLong.error());
        RpcResult longName = caller.call("join", "{\"name\":\"" + "n".repeat(41) + "\"}");
        assertEquals("Validation failed for join: [name: size must be between 0 and 40]", longName.error());
        RpcResult longColor = caller.call("draw", "{\"stroke\":{\"points\":[[1,1]],\"color\":\"" + "c".repeat(65)
                + "\",\"width\":1}}");
        assertEquals("Validation failed for draw: [stroke.color: size must be between 0 and 64]", longColor.error());
        RpcResult longGuess = caller.call("guess", "{\"playerId\":\"p\",\"text\":\"" + "g".repeat(101) + "\"}");
        assertEquals("Validation failed for guess: [text: size must be between 0 and 100]", longGuess.error());
    }

    @Test
    void theStateTravelsWithTheOriginalGamesFieldNamesAndPhaseSpellings() {
        startDrawing();
        caller.call("draw", "{\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\",\"width\":1.5}}");
        TestClient watcher = kit.newClient();
        DrawingRoomHandle.of(watcher, "room").state().subscribe(state -> {});

        String json = watcher.snapshots().get(0).state().toString();

        for (String member : List.of("\"players\":[{\"id\":", "\"name\":\"Ann\"", "\"score\":0", "\"color\":\"#ef4444\"",
                "\"connectionId\":\"c_", "\"phase\":\"drawing\"", "\"drawerId\":", "\"word\":", "\"hint\":\"_",
                "\"strokes\":[{\"points\":[[1.0,2.0]],\"color\":\"#fff\",\"width\":1.5}]", "\"guesses\":[]",
                "\"round\":1", "\"maxRounds\":3", "\"roundEndsAt\":", "\"roundSeconds\":80")) {
            assertEquals(true, json.contains(member), member + " in " + json);
        }
    }
}
