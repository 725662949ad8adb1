package dev.zocket.docs.server;

import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.server.ZocketServer;
import java.io.IOException;

/** The example of docs/server.md's "One message at a time": an actor whose handlers may block. */
public final class BlockingServer {

    private BlockingServer() {}

    public static ZocketServer start(int port) throws IOException {
        // tag::blocking[]
        return ZocketServer.builder()
                .actor(ChatRoom.class, ChatRoomActor::new)
                .blocking(ChatRoom.class) // say its handlers write to a database: they run on the pool
                .port(port)
                .start();
        // end::blocking[]
    }
}
