package dev.zocket.docs.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.ZocketServer;
import org.junit.jupiter.api.Test;

class BlockingServerTest {

    @Test
    void startsWithTheActorMarkedBlocking() throws Exception {
        try (ZocketServer server = BlockingServer.start(0)) {
            assertTrue(server.port() > 0);
        }
    }
}
