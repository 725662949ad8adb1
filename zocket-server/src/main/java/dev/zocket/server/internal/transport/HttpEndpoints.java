package dev.zocket.server.internal.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a server, on a port of its own: {@code GET /health}, {@code GET /metrics}
 * (Prometheus text, when the registry is a Prometheus one), {@code GET /zocket.json} (the
 * WebSocket port, for pages served here) and, optionally, static files.
 */
public final class HttpEndpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param healthy whether {@code /health} reports the server as serving (it reports 503 while
     *     shutting down)
     * @param webSocketPort announced at {@code /zocket.json}, so a page served here can connect
     */
    public HttpEndpoints(InetSocketAddress address, MeterRegistry registry, BooleanSupplier healthy,
            Optional<StaticFiles> files, int webSocketPort) throws IOException {
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "zocket-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/health", exchange -> {
            if (!allowGet(exchange)) {
                return;
            }
            boolean serving = healthy.getAsBoolean();
            respond(exchange, serving ? 200 : 503, "application/json",
                    (serving ? "{\"status\":\"ok\"}" : "{\"status\":\"shutting down\"}").getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/metrics", exchange -> {
            if (!allowGet(exchange)) {
                return;
            }
            Optional<String> text = PrometheusText.scrape(registry);
            if (text.isPresent()) {
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                        text.get().getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8",
                        ("No Prometheus registry: metrics go to the application's own registry, or add"
                                + " io.micrometer:micrometer-registry-prometheus").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/zocket.json", exchange -> {
            if (allowGet(exchange)) {
                respond(exchange, 200, "application/json",
                        ("{\"wsPort\":" + webSocketPort + "}").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/", exchange -> {
            if (!allowGet(exchange)) {
                return;
            }
            Optional<StaticFiles.Content> content = files.flatMap(f -> f.find(exchange.getRequestURI().getPath()));
            if (content.isPresent()) {
                respond(exchange, 200, content.get().contentType(), content.get().bytes());
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean allowGet(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "Method not allowed".getBytes(StandardCharsets.UTF_8));
        return false;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not answer {}", exchange.getRequestURI(), e);
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
