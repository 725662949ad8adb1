package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.server.persistence.MemoryStateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Stored state and change history over HTTP, for bearers of the token only. */
@Timeout(60)
class HistoryApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonCodec JSON = JsonCodec.standard();

    @Test
    void listsInstancesServesStateAndPagesHistoryNewestFirst() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).store(new MemoryStateStore())
                .httpPort(0).historyToken("s3cret").start();
                RawClient client = RawClient.connect(server.url())) {
            for (int i = 0; i < 5; i++) {
                client.call("counter", "h 1/ü", "increment", null);
            }
            client.call("counter", "h2", "increment", null);
            String base = "http://127.0.0.1:" + server.httpPort().orElseThrow() + "/api/v1/actors/counter/instances";

            assertEquals(401, get(base, null).statusCode());
            assertEquals(401, get(base, "wrong").statusCode());
            assertEquals(404, get(base.replace("/counter/", "/nobody/"), "s3cret").statusCode());

            JsonNode instances = body(get(base + "?limit=1", "s3cret"));
            assertEquals("h 1/ü", instances.get("instances").get(0).asString());
            assertEquals("h2", body(get(base + "?after=" + encode(instances.get("next").asString()), "s3cret"))
                    .get("instances").get(0).asString());

            String instance = base + "/" + encode("h 1/ü");
            JsonNode state = body(get(instance, "s3cret"));
            assertEquals(5, state.get("state").get("count").asInt());
            long version = state.get("version").asLong();

            JsonNode page = body(get(instance + "/history?limit=2", "s3cret"));
            assertEquals(version, page.get("changes").get(0).get("version").asLong());
            assertEquals(version - 1, page.get("changes").get(1).get("version").asLong());
            JsonNode next = body(get(instance + "/history?limit=2&before=" + page.get("next").asLong(), "s3cret"));
            assertEquals(version - 2, next.get("changes").get(0).get("version").asLong());
            assertTrue(page.get("changes").get(0).get("patch").isArray());
            assertEquals(400, get(instance + "/history?limit=x", "s3cret").statusCode());
        }
    }

    @Test
    void withoutATokenTheApiIsNotServed() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).store(new MemoryStateStore()).httpPort(0).start()) {
            String url = "http://127.0.0.1:" + server.httpPort().orElseThrow() + "/api/v1/actors/counter/instances";
            assertEquals(404, get(url, "anything").statusCode());
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.parse(response.body());
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
