package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/** Pings with the largest payload allowed, from a client that never reads its pongs. */
final class PongFlood implements Attack {

    private static final int PINGS = 1_200_000;
    private static final int BATCH = 1_000;

    @Override
    public String name() {
        return "pong-flood";
    }

    @Override
    public String description() {
        return "up to " + PINGS + " pings of 125 bytes from a client that never reads";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        Bounds bounds = Bounds.of(Duration.ofSeconds(6));
        WsSocket socket = bounds.guard(engagement.hold(WsSocket.connect(server.wsPort(), 4096)));
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        byte[] ping = Frames.frame(Frames.PING, new byte[125]);
        for (int i = 0; i < BATCH; i++) {
            batch.writeBytes(ping);
        }
        byte[] bytes = batch.toByteArray();
        try {
            for (int sent = 0; sent < PINGS && !bounds.expired(); sent += BATCH) {
                socket.sendRaw(bytes);
            }
        } catch (IOException closedByServer) {
            // the server ended the connection: the flood is over
        }
        return engagement;
    }
}
