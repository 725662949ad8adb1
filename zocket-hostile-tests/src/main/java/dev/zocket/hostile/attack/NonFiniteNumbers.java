package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Inputs holding numbers that are not finite ({@code 1e999} parses as infinity; Jackson also
 * reads {@code "NaN"} and {@code "Infinity"} strings as doubles): each must be answered with
 * {@code bad_request}, and none may reach the room's state.
 */
final class NonFiniteNumbers implements Attack {

    private static final int ROUNDS = 50;
    private static final String ROOM = "nan-room";
    private static final List<String> INPUTS = List.of(
            DrawingRound.stroke(3, "1e999"),
            DrawingRound.stroke(3, "-1e999"),
            DrawingRound.stroke(3, "\"NaN\""),
            DrawingRound.stroke(3, "\"Infinity\""),
            "{\"stroke\":{\"points\":[[1,2]],\"color\":\"#000\",\"width\":\"NaN\"}}");

    @Override
    public String name() {
        return "non-finite-numbers";
    }

    @Override
    public String description() {
        return ROUNDS + " × " + INPUTS.size() + " draw calls with 1e999, -1e999, \"NaN\", \"Infinity\"";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        DrawingRound.start(server.wsPort(), ROOM, engagement);
        RpcConnection attacker = engagement.hold(RpcConnection.connect(server.wsPort()));
        List<String> wrong = new ArrayList<>();
        Bounds bounds = Bounds.of(Duration.ofSeconds(10));
        for (int round = 0; round < ROUNDS && !bounds.expired(); round++) {
            for (String input : INPUTS) {
                JsonNode result = attacker.call("draw", ROOM, "draw", input);
                if (!RpcConnection.outcome(result).equals("bad_request") && wrong.size() < 5) {
                    wrong.add(input.substring(0, Math.min(80, input.length())) + " -> " + result);
                }
            }
        }
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                if (!wrong.isEmpty()) {
                    throw new AssertionError("Non-finite input not answered with bad_request: " + wrong);
                }
                try (RpcConnection watcher = RpcConnection.connect(target.wsPort())) {
                    watcher.socket.sendText(Messages.subscription("state:sub", "draw", ROOM));
                    JsonNode strokes = watcher.next("state:snapshot").path("state").path("strokes");
                    if (!strokes.isEmpty()) {
                        throw new AssertionError("Non-finite strokes reached the room's state: " + strokes);
                    }
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }
}
