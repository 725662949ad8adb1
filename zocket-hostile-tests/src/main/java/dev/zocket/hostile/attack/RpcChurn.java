package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * Calls that must be rejected, each on a fresh id: an unknown method, an unknown actor, input
 * that does not validate. None of them may create an instance.
 */
final class RpcChurn implements Attack {

    private static final int CONNECTIONS = 4;
    private static final int CALLS_PER_CONNECTION = 75_000;
    private static final int BATCH = 250;
    /** The innocent client's counter, and a little slack. */
    private static final int MAX_LIVE_INSTANCES = 10;

    @Override
    public String name() {
        return "instance-churn-rejected-rpcs";
    }

    @Override
    public String description() {
        return CONNECTIONS + " connections × " + CALLS_PER_CONNECTION
                + " calls to unknown methods/actors and invalid input, on fresh ids";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        Bounds bounds = Bounds.of(Duration.ofSeconds(6));
        Parallel.run(CONNECTIONS, CONNECTIONS, bounds, c -> {
            WsSocket socket = bounds.guard(engagement.hold(WsSocket.connect(server.wsPort())));
            socket.drainInBackground();
            for (int i = 0; i < CALLS_PER_CONNECTION && !bounds.expired(); i += BATCH) {
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int j = i; j < i + BATCH; j++) {
                    String id = "churn-" + c + "-" + j;
                    String call = switch (j % 3) {
                        case 0 -> Messages.rpc(id, "counter", id, "noSuchMethod", null);
                        case 1 -> Messages.rpc(id, "noSuchActor", id, "increment", null);
                        default -> Messages.rpc(id, "counter", id, "set", "{\"value\":\"not a number\"}");
                    };
                    batch.writeBytes(Frames.text(call));
                }
                socket.sendRaw(batch.toByteArray());
            }
        });
        // the server may have closed some of them for a limit: that is an allowed answer
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                double live = target.metric("zocket_actors_live");
                if (live > MAX_LIVE_INSTANCES) {
                    throw new AssertionError(String.format("%.0f instances are live after calls that all had to be "
                            + "rejected: a rejected call must not create one", live));
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }
}
