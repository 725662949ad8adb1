package ${package};

import dev.zocket.server.ZocketServer;
import dev.zocket.store.sqlite.SqliteStateStore;
import java.nio.file.Path;

/**
 * Serves the guestbook on ws://localhost:3001 (or the port in $PORT) until stopped, keeping its
 * state in .zocket/zocket.db (or under $ZOCKET_DATA_DIR), so entries survive a restart.
 */
public final class GuestbookServer {

    private GuestbookServer() {}

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(System.getenv().getOrDefault("ZOCKET_DATA_DIR", ".zocket"));
        ZocketServer server = ZocketServer.builder()
                .actor(Guestbook.class, GuestbookActor::new)
                .store(SqliteStateStore.open(dataDirectory.resolve("zocket.db")))
                .start();
        System.out.println("Guestbook ready on " + server.url());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        server.awaitStop();
    }
}
