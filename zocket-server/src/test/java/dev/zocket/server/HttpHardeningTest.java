package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side against hostile requests: exact paths, no escapes or listings, no trickling. */
@Timeout(60)
class HttpHardeningTest {

    @TempDir
    Path temp;

    private static HttpResponse<String> get(ZocketServer server, String path) throws Exception {
        return RawClient.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pathsMatchExactly() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).start()) {
            assertEquals(200, get(server, "/health").statusCode());
            assertEquals(200, get(server, "/health?probe=1").statusCode());
            for (String path : new String[] {"/healthz", "/health/", "/health/x", "/metrics/x", "/metricsfoo",
                    "/zocket.jsonx", "/zocket.json/x"}) {
                assertEquals(404, get(server, path).statusCode(), path);
            }
        }
    }

    @Test
    void symbolicLinksDoNotLeadOutOfTheRoot() throws Exception {
        Path web = Files.createDirectories(temp.resolve("web"));
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createDirectories(temp.resolve("outside"));
        Files.writeString(temp.resolve("outside/also.txt"), "also secret");
        Files.writeString(web.resolve("page.txt"), "public");
        Files.createSymbolicLink(web.resolve("link.txt"), secret);
        Files.createSymbolicLink(web.resolve("dir"), temp.resolve("outside"));
        Files.createSymbolicLink(web.resolve("inside.txt"), web.resolve("page.txt"));
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).staticFiles(web).start()) {
            assertEquals("public", get(server, "/page.txt").body());
            assertEquals("public", get(server, "/inside.txt").body(), "a link inside the root is served");
            assertEquals(404, get(server, "/link.txt").statusCode());
            assertEquals(404, get(server, "/dir/also.txt").statusCode());
        }
    }

    @Test
    void classPathDirectoriesAreNotListed() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes/web/js/lib"));
        Files.writeString(temp.resolve("classes/web/js/app.js"), "app()");
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, previous)) {
            current.setContextClassLoader(loader);
            try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).staticResources("web").start()) {
                assertEquals("app()", get(server, "/js/app.js").body());
                assertEquals(404, get(server, "/js").statusCode());
                assertEquals(404, get(server, "/js/lib").statusCode());
            }
        } finally {
            current.setContextClassLoader(previous);
        }
        assertTrue(Files.isDirectory(classes));
    }

    @Test
    void halfSentRequestsNeitherBlockTheEndpointsNorStay() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0)
                .httpRequestTimeout(Duration.ofSeconds(1)).start()) {
            List<Socket> tricklers = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    Socket socket = new Socket("127.0.0.1", server.httpPort().orElseThrow());
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    tricklers.add(socket);
                }
                HttpResponse<String> health = get(server, "/health");
                assertEquals(200, health.statusCode());
                assertEquals(200, get(server, "/metrics").statusCode());
                for (Socket socket : tricklers) {
                    socket.setSoTimeout(30_000);
                    assertEquals(-1, socket.getInputStream().read(), "a request that never ends is dropped unanswered");
                }
            } finally {
                for (Socket socket : tricklers) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void moreHalfSentRequestsThanTheLoopHoldsStillLeaveHealthReachable() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).start()) {
            List<Socket> tricklers = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket socket = new Socket("127.0.0.1", server.httpPort().orElseThrow());
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    tricklers.add(socket);
                }
                assertEquals(200, get(server, "/health").statusCode(), "the oldest half-sent requests made room");
            } finally {
                for (Socket socket : tricklers) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void oversizedOrMalformedRequestsAreRefused() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).start()) {
            assertTrue(rawExchange(server, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 431 "));
            assertTrue(rawExchange(server, "NONSENSE\r\n\r\n").startsWith("HTTP/1.1 400 "));
            String head = rawExchange(server, "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            assertFalse(head.contains("status"), "HEAD has no body");
        }
    }

    private static String rawExchange(ZocketServer server, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.httpPort().orElseThrow())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
