package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.Frames;
import dev.zocket.hostile.wire.WsSocket;
import java.io.IOException;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Clients that join a draw room and leave at once: half with a TCP reset, half with a close
 * frame. Every join must be followed by its leave: the room ends up empty.
 */
final class GhostPlayers implements Attack {

    private static final int CLIENTS = 400;
    private static final String ROOM = "ghost-room";

    @Override
    public String name() {
        return "ghost-players";
    }

    @Override
    public String description() {
        return CLIENTS + " clients send draw.join and abort at once (reset or close frame)";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Parallel.run(CLIENTS, 4, Bounds.of(Duration.ofSeconds(20)), i -> {
            WsSocket socket = WsSocket.connect(server.wsPort());
            socket.sendText(Messages.rpc("join", "draw", ROOM, "join", "{\"name\":\"ghost-" + i + "\"}"));
            if (i % 2 == 0) {
                socket.reset();
            } else {
                socket.sendRaw(Frames.frame(Frames.CLOSE, new byte[] {0x03, (byte) 0xe8}));
                socket.close();
            }
        });
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                int players = awaitEmptyRoom(target.wsPort(), Bounds.of(Duration.ofSeconds(15)));
                if (players != 0) {
                    throw new AssertionError(players + " ghost players stayed in the room after their clients left");
                }
            }
        };
    }

    /**
     * The number of players in the room once it is empty, or at the deadline. Leaves are handled
     * by another process, so this looks again, a fresh snapshot each time, until it sees them all.
     */
    private static int awaitEmptyRoom(int port, Bounds bounds) throws IOException, InterruptedException {
        while (true) {
            int players;
            try (RpcConnection watcher = RpcConnection.connect(port)) {
                watcher.socket.sendText(Messages.subscription("state:sub", "draw", ROOM));
                JsonNode snapshot = watcher.next("state:snapshot");
                players = snapshot.path("state").path("players").size();
            }
            if (players == 0 || bounds.expired()) {
                return players;
            }
            Thread.sleep(250); // another process's mailbox: nothing here to wait on but time
        }
    }
}
