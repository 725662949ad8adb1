package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(60)
class AuthenticationTest {

    @Test
    void theHandshakePrincipalReachesHandlersAndHooks() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                RawClient alice = RawClient.connect(server.url() + "/?token=alice")) {
            JsonNode identity = alice.call("counter", "auth", "whoAmI", null).get("result");
            assertEquals(alice.clientId, identity.get("clientId").asString());
            assertEquals("alice", identity.get("userId").asString());
            assertEquals("admin", identity.get("role").asString());
            recorder.await(("auth connect " + alice.clientId + " as alice (admin)")::equals);
        }
    }

    @Test
    void aRefusedHandshakeNeverConnects() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> RawClient.HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(server.url() + "/?token=nope"), new WebSocket.Listener() {})
                    .get());
            WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
            assertEquals(404, refused.getResponse().statusCode());
            assertEquals(0, server.metrics().connections());
        }
    }
}
