package dev.zocket.docs.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.docs.server.SecuredServer;
import dev.zocket.json.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Runs the server of docs/server.md and talks to it over a real socket. */
@Timeout(30)
class ChatServerDocsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theSecuredChatServerServesSignedInUsersAndItsEndpoints() throws Exception {
        SecuredServer.Tokens tokens = token -> token.equals("t-alice")
                ? Optional.of(new SecuredServer.User("alice", "admin")) : Optional.empty();
        try (var server = SecuredServer.start(tokens, 0)) {
            BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
            WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(server.url() + "/?token=t-alice"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            inbox.add(JsonCodec.standard().parse(data.toString()));
                            webSocket.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            assertEquals("welcome", inbox.poll(5, TimeUnit.SECONDS).get("type").asString());
            socket.sendText("{\"type\":\"rpc\",\"id\":\"1\",\"actor\":\"chat\",\"actorId\":\"general\","
                    + "\"method\":\"sendMessage\",\"input\":{\"text\":\"hello\"}}", true).join();
            JsonNode result = inbox.poll(5, TimeUnit.SECONDS);
            assertEquals("{\"type\":\"rpc:result\",\"id\":\"1\",\"result\":{\"index\":0}}", result.toString());

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(server.limits().maxFrameBytes() == 64 * 1024);
            socket.abort();
        }
    }
}
