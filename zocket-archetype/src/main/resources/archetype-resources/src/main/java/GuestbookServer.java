package ${package};

import dev.zocket.server.ZocketServer;

/** Serves the guestbook on ws://localhost:3001 (or the port in $PORT) until stopped. */
public final class GuestbookServer {

    private GuestbookServer() {}

    public static void main(String[] args) throws Exception {
        ZocketServer server = ZocketServer.builder()
                .actor(Guestbook.class, GuestbookActor::new)
                .start();
        System.out.println("Guestbook ready on " + server.url());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.awaitStop();
    }
}
