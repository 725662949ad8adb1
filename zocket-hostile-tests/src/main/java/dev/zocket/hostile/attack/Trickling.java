package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Upgrade requests and frames sent a byte at a time, never finished within a deadline: the
 * server must drop both kinds. The server runs with a 2-second heartbeat here, so an upgrade
 * must finish within 2 seconds, and a 3-second frame deadline.
 */
final class Trickling implements Attack {

    private static final int UPGRADES = 40;
    private static final int FRAMES = 40;
    private static final Duration TRICKLE = Duration.ofSeconds(8);
    private static final Duration BYTE_EVERY = Duration.ofMillis(100);

    @Override
    public String name() {
        return "trickling";
    }

    @Override
    public String description() {
        return UPGRADES + " upgrade requests and " + FRAMES + " frames sent a byte per 100 ms for " + TRICKLE.toSeconds() + " s";
    }

    @Override
    public List<String> serverLimits() {
        return List.of("heartbeatInterval=2", "?frameTimeout=3");
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        List<Trickler> tricklers = new ArrayList<>();
        for (int i = 0; i < UPGRADES; i++) {
            tricklers.add(new Trickler(engagement.hold(WsSocket.open(server.wsPort(), 0)),
                    WsSocket.upgradeRequest(server.wsPort()), "upgrade"));
        }
        for (int i = 0; i < FRAMES; i++) {
            WsSocket socket = engagement.hold(WsSocket.connect(server.wsPort()));
            tricklers.add(new Trickler(socket, Frames.text("{\"type\":\"event:sub\",\"actor\":\"counter\",\"actorId\":\""
                    + "x".repeat(120) + "\"}"), "frame"));
        }
        Bounds bounds = Bounds.of(TRICKLE);
        for (int at = 0; !bounds.expired(); at++) {
            for (Trickler trickler : tricklers) {
                trickler.sendByte(at);
            }
            Thread.sleep(BYTE_EVERY.toMillis()); // the attack is the pace itself
        }
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                List<String> survivors = new ArrayList<>();
                for (Trickler trickler : tricklers) {
                    if (!trickler.cutOff && !trickler.socket.isEndedByServer(100)) {
                        survivors.add(trickler.kind);
                    }
                }
                if (!survivors.isEmpty()) {
                    throw new AssertionError(survivors.size() + " trickling connections were still open after "
                            + TRICKLE.toSeconds() + " s: " + survivors.stream().distinct().toList()
                            + " (expected a trickle deadline to drop them)");
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }

    /** One socket and the bytes it sends one at a time; remembers if the server cut it off. */
    private static final class Trickler {
        final WsSocket socket;
        final byte[] bytes;
        final String kind;
        boolean cutOff;

        Trickler(WsSocket socket, byte[] bytes, String kind) {
            this.socket = socket;
            this.bytes = bytes;
            this.kind = kind;
        }

        void sendByte(int index) {
            if (cutOff || index >= bytes.length - 1) {
                return; // never the last byte: the request or frame stays unfinished
            }
            try {
                socket.sendRaw(new byte[] {bytes[index]});
            } catch (IOException closed) {
                cutOff = true;
            }
        }
    }
}
