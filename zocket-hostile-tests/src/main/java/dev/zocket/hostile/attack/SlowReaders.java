package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.WsSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Many subscribers of one busy counter that never read: each one's backlog grows with every
 * change, and together they must stay within the server's memory.
 */
final class SlowReaders implements Attack {

    private static final int READERS = 60;
    private static final int INCREMENTS = 40_000;
    private static final int WINDOW = 100;
    private static final String COUNTER = "slow-room";

    @Override
    public String name() {
        return "slow-readers";
    }

    @Override
    public String description() {
        return READERS + " non-reading state+event subscribers of a counter, up to " + INCREMENTS + " increments";
    }

    /**
     * What is queued for slow readers is held in the heap: the global outbound budget must fit the
     * child's 128 MiB (the default, 256 MiB, is sized for larger servers).
     */
    @Override
    public List<String> serverLimits() {
        return List.of("?maxOutboundBytes=" + 32 * 1024 * 1024);
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        Bounds bounds = Bounds.of(Duration.ofSeconds(8));
        Parallel.run(READERS, 4, bounds, i -> {
            WsSocket reader = engagement.hold(WsSocket.connect(server.wsPort(), 4096));
            reader.sendText(Messages.subscription("state:sub", "counter", COUNTER));
            reader.sendText(Messages.subscription("event:sub", "counter", COUNTER));
        });
        RpcConnection driver = engagement.hold(RpcConnection.connect(server.wsPort()));
        bounds.guard(driver);
        try {
            for (int done = 0; done < INCREMENTS && !bounds.expired(); done += WINDOW) {
                String last = null;
                for (int i = 0; i < WINDOW; i++) {
                    last = driver.send("counter", COUNTER, "increment", null);
                }
                driver.result(last);
            }
        } catch (IOException driverCutOff) {
            // the driver's own connection ended; the readers' weight is what matters
        }
        return engagement;
    }
}
