package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import java.io.IOException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A non-player fills a draw room with 200 strokes of 2,000 points, more than a slow reader's
 * buffer holds once encoded. The room must stay joinable: a newcomer's {@code state:sub} gets a
 * snapshot (the state size cap refuses the strokes past it with {@code conflict}).
 */
final class OversizedSnapshot implements Attack {

    private static final int STROKES = 150;
    private static final int POINTS = 2_000;
    private static final String ROOM = "big-room";

    @Override
    public String name() {
        return "oversized-snapshot";
    }

    @Override
    public String description() {
        return "a non-player draws " + STROKES + " strokes of " + POINTS + " points; a newcomer subscribes";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        DrawingRound.start(server.wsPort(), ROOM, engagement);
        RpcConnection vandal = engagement.hold(RpcConnection.connect(server.wsPort()));
        String stroke = DrawingRound.stroke(POINTS, "12345.678901");
        Bounds bounds = Bounds.of(Duration.ofSeconds(15));
        bounds.guard(vandal);
        try {
            for (int i = 0; i < STROKES && !bounds.expired(); i++) {
                vandal.call("draw", ROOM, "draw", stroke);
            }
        } catch (IOException cutOff) {
            // closed for a limit: allowed
        }
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                try (RpcConnection newcomer = RpcConnection.connect(target.wsPort())) {
                    newcomer.socket.sendText(Messages.subscription("state:sub", "draw", ROOM));
                    JsonNode snapshot;
                    try {
                        snapshot = newcomer.next("state:snapshot");
                    } catch (IOException e) {
                        throw new AssertionError("A newcomer could not join the room: " + e.getMessage(), e);
                    }
                    if (!snapshot.path("state").has("strokes")) {
                        throw new AssertionError("A snapshot without strokes: " + snapshot);
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
