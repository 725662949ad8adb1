package dev.zocket.docs.server;

import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.server.ZocketServer;
import java.io.IOException;

/** The example of docs/studio.md: a server with Zocket Studio on, behind a token. */
public final class StudioServer {

    private StudioServer() {}

    public static ZocketServer start(String studioToken) throws IOException {
        // tag::studio[]
        return ZocketServer.builder()
                .actor(ChatRoom.class, ChatRoomActor::new)
                .port(3001)
                .httpPort(3000)                 // Studio lives on the HTTP side: http://host:3000/studio/
                .studio(studioToken)            // or .studio() for this machine only, without a token
                .start();
        // end::studio[]
    }
}
