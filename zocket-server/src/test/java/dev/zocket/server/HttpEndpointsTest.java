package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HttpEndpointsTest {

    @TempDir
    Path web;

    private static HttpResponse<String> get(ZocketServer server, String path) throws Exception {
        return RawClient.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthMetricsAndStaticFiles() throws Exception {
        Files.writeString(web.resolve("index.html"), "<h1>draw</h1>");
        Files.createDirectories(web.resolve("js"));
        Files.writeString(web.resolve("js/app.js"), "console.log(1)");
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).staticFiles(web).start();
                RawClient client = RawClient.connect(server.url())) {
            client.call("counter", "metrics", "increment", null);
            client.call("counter", "metrics", "nope", null);

            HttpResponse<String> health = get(server, "/health");
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"ok\"}", health.body());

            String[] expected = {"zocket_connections 1.0", "zocket_actors_live 1.0",
                    "zocket_rpc_seconds_count{actor=\"counter\",outcome=\"ok\"} 1",
                    "zocket_rpc_seconds_count{actor=\"counter\",outcome=\"not_found\"} 1",
                    "zocket_rpc_seconds{actor=\"counter\",outcome=\"ok\",quantile=\"0.99\"}",
                    "zocket_subscriptions 0.0", "zocket_bytes_sent_bytes_total"};
            // An RPC's latency is recorded just after its result is sent, so a scrape may come first.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            HttpResponse<String> metrics = get(server, "/metrics");
            while (!containsAll(metrics.body(), expected) && System.nanoTime() - deadline < 0) {
                metrics = get(server, "/metrics");
            }
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            String body = metrics.body();
            for (String line : expected) {
                assertTrue(body.contains(line), () -> "missing " + line + " in\n" + body);
            }

            assertEquals("{\"wsPort\":" + server.port() + "}", get(server, "/zocket.json").body());

            HttpResponse<String> index = get(server, "/");
            assertEquals(200, index.statusCode());
            assertEquals("<h1>draw</h1>", index.body());
            assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("text/javascript; charset=utf-8",
                    get(server, "/js/app.js").headers().firstValue("Content-Type").orElseThrow());
            assertEquals(404, get(server, "/missing.css").statusCode());
            assertEquals(404, get(server, "/js/../../etc/passwd").statusCode());
            assertEquals(404, get(server, "/%2e%2e/%2e%2e/etc/passwd").statusCode());
            HttpResponse<String> post = RawClient.HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + "/health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    private static boolean containsAll(String text, String[] lines) {
        for (String line : lines) {
            if (!text.contains(line)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theHttpSideIsOffUnlessAPortIsGiven() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            assertTrue(server.httpPort().isEmpty());
        }
    }
}
