package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * {@code event:sub} then {@code event:unsub} on ever new counter ids: never more than one
 * subscription held, but one instance per id unless instances are bounded.
 */
final class SubscriptionChurn implements Attack {

    private static final int CONNECTIONS = 4;
    private static final int IDS_PER_CONNECTION = 75_000;
    private static final int BATCH = 250;

    @Override
    public String name() {
        return "instance-churn-subscriptions";
    }

    @Override
    public String description() {
        return CONNECTIONS + " connections × " + IDS_PER_CONNECTION + " event:sub/unsub pairs on fresh counter ids";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        Bounds bounds = Bounds.of(Duration.ofSeconds(6));
        Parallel.run(CONNECTIONS, CONNECTIONS, bounds, c -> {
            WsSocket socket = bounds.guard(engagement.hold(WsSocket.connect(server.wsPort())));
            socket.drainInBackground();
            for (int i = 0; i < IDS_PER_CONNECTION && !bounds.expired(); i += BATCH) {
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int j = i; j < i + BATCH; j++) {
                    String id = "churn-" + c + "-" + j;
                    batch.writeBytes(Frames.text(Messages.subscription("event:sub", "counter", id)));
                    batch.writeBytes(Frames.text(Messages.subscription("event:unsub", "counter", id)));
                }
                socket.sendRaw(batch.toByteArray());
            }
        });
        // the server may have closed some of them for a limit: that is an allowed answer
        return engagement;
    }
}
