package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.time.Duration;
import java.util.Arrays;

/**
 * Connections that each announce a frame just under the size limit, send a little of it, and
 * stop: unless partial frames are bounded, each costs the whole announced size.
 */
final class PartialFrames implements Attack {

    private static final int CONNECTIONS = 600;
    private static final int ANNOUNCED = 256 * 1024 - 64;

    @Override
    public String name() {
        return "partial-frames";
    }

    @Override
    public String description() {
        return CONNECTIONS + " connections announce a " + ANNOUNCED / 1024 + " KiB frame, send 1 KiB and stop";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        byte[] header = Frames.header(Frames.TEXT, ANNOUNCED);
        byte[] partial = Arrays.copyOf(header, header.length + 1024); // the header, then 1 KiB of payload
        Parallel.run(CONNECTIONS, 8, Bounds.of(Duration.ofSeconds(15)), i -> {
            WsSocket socket = engagement.hold(WsSocket.connect(server.wsPort()));
            socket.sendRaw(partial);
        });
        return engagement;
    }
}
