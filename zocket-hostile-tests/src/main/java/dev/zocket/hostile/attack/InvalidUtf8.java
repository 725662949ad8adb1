package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Text frames that are not UTF-8. Each connection is closed with 1007; the log gets at most one
 * line per connection for it, and no stack traces.
 */
final class InvalidUtf8 implements Attack {

    private static final int CONNECTIONS = 200;
    private static final byte[] INVALID = {'{', '"', (byte) 0xc3, 0x28, (byte) 0xff, '"', '}'};

    @Override
    public String name() {
        return "invalid-utf8";
    }

    @Override
    public String description() {
        return CONNECTIONS + " connections each send 3 text frames of invalid UTF-8";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        long linesBefore = server.log().lines().count();
        byte[] frame = Frames.frame(Frames.TEXT, INVALID);
        AtomicInteger closedWith1007 = new AtomicInteger();
        Parallel.run(CONNECTIONS, 4, Bounds.of(Duration.ofSeconds(15)), i -> {
            try (WsSocket socket = WsSocket.connect(server.wsPort())) {
                try {
                    socket.sendRaw(frame);
                    socket.sendRaw(frame);
                    socket.sendRaw(frame);
                } catch (IOException closedAlready) {
                    // closed after the first: expected
                }
                if (socket.readUntilClosed() == 1007) {
                    closedWith1007.incrementAndGet();
                }
            }
        });
        return new Engagement() {
            @Override
            public void verify(ChildServer target) {
                String log = target.log();
                long stackLines = log.lines().filter(line -> line.startsWith("\tat ")).count();
                long newLines = log.lines().count() - linesBefore;
                if (closedWith1007.get() != CONNECTIONS) {
                    throw new AssertionError("Only " + closedWith1007.get() + " of " + CONNECTIONS
                            + " connections sending invalid UTF-8 were closed with 1007 (RFC 6455 §8.1)");
                }
                if (stackLines > 0) {
                    throw new AssertionError("Invalid UTF-8 was logged with stack traces (" + stackLines + " frames)");
                }
                if (newLines > CONNECTIONS) {
                    throw new AssertionError(newLines + " log lines for " + CONNECTIONS
                            + " connections sending bad input: more than one per connection");
                }
            }
        };
    }
}
