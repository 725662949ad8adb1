package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Connections that send nothing but malformed messages, as fast as they can; each must be closed. */
final class MalformedFlood implements Attack {

    private static final int CONNECTIONS = 20;
    private static final int FRAMES = 5_000;
    private static final String[] GARBAGE = {
        "{not json", "[]", "{\"type\":\"rpc\"}", "{\"type\":\"nonsense\",\"id\":\"1\"}", "\"just a string\"",
        "{\"type\":\"rpc\",\"id\":\"x\",\"actor\":\"counter\",\"actorId\":\"a\",\"method\":\"set\",\"input\":{\"value\":[]}}"
    };

    @Override
    public String name() {
        return "malformed-flood";
    }

    @Override
    public String description() {
        return CONNECTIONS + " connections × up to " + FRAMES + " malformed messages each";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            batch.writeBytes(Frames.text(GARBAGE[i % GARBAGE.length]));
        }
        byte[] bytes = batch.toByteArray();
        AtomicInteger closedWith1008 = new AtomicInteger();
        Bounds bounds = Bounds.of(Duration.ofSeconds(6));
        Parallel.run(CONNECTIONS, 4, bounds, c -> {
            WsSocket socket = bounds.guard(engagement.hold(WsSocket.connect(server.wsPort())));
            try {
                for (int sent = 0; sent < FRAMES && !bounds.expired(); sent += 100) {
                    socket.sendRaw(bytes);
                }
            } catch (IOException closedByServer) {
                // expected: the server closes a sustained flood
            }
            if (socket.readUntilClosed() == 1008) {
                closedWith1008.incrementAndGet();
            }
        });
        return new Engagement() {
            @Override
            public void verify(ChildServer target) {
                if (closedWith1008.get() != CONNECTIONS) {
                    throw new AssertionError("Only " + closedWith1008.get() + " of " + CONNECTIONS
                            + " flooding connections were closed with 1008");
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }
}
