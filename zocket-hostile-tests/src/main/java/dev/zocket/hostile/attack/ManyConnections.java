package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.WsSocket;
import java.time.Duration;

/** Many idle connections, upgraded and then silent: the connection cap must hold them off. */
final class ManyConnections implements Attack {

    private static final int CONNECTIONS = 2_000;

    @Override
    public String name() {
        return "many-connections";
    }

    @Override
    public String description() {
        return CONNECTIONS + " idle WebSocket connections";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        Parallel.run(CONNECTIONS, 8, Bounds.of(Duration.ofSeconds(20)),
                i -> engagement.hold(WsSocket.connect(server.wsPort())));
        return engagement;
    }
}
