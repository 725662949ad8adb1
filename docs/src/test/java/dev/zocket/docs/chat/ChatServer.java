package dev.zocket.docs.chat;

import dev.zocket.server.ZocketServer;

/** The chat server of the docs, runnable on its own. */
public final class ChatServer {

    private ChatServer() {}

    public static void main(String[] args) throws Exception {
        // tag::serve[]
        ZocketServer server = ZocketServer.builder().actor(ChatRoom.class, ChatRoomActor::new).port(3001).start();
        // end::serve[]
        // tag::stop[]
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.awaitStop();
        // end::stop[]
    }
}
