package dev.zocket.server.internal.transport;

import dev.zocket.server.internal.transport.HttpLoop.Response;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The HTTP side of a server, on a port of its own: {@code GET /health}, {@code GET /metrics}
 * (Prometheus text, when the registry is a Prometheus one), {@code GET /zocket.json} (the
 * WebSocket port, for pages served here) and, optionally, static files. Paths match exactly:
 * {@code /healthz} and {@code /metrics/x} are not found. Served by an {@link HttpLoop} of its own.
 */
public final class HttpEndpoints implements AutoCloseable {

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private final MeterRegistry registry;
    private final BooleanSupplier healthy;
    private final Optional<StaticFiles> files;
    private final int webSocketPort;
    private final HttpLoop loop;
    private final HistoryApi history;
    private final HttpRoutes routes;

    /**
     * Binds {@code address} and starts answering.
     *
     * @param healthy whether {@code /health} reports the server as serving (it reports 503 while
     *     shutting down)
     * @param webSocketPort announced at {@code /zocket.json}, so a page served here can connect
     * @param requestTimeout how long one request and its answer may take, from its first byte
     */
    public HttpEndpoints(InetSocketAddress address, MeterRegistry registry, BooleanSupplier healthy,
            Optional<StaticFiles> files, int webSocketPort, Duration requestTimeout) throws IOException {
        this(address, registry, healthy, files, webSocketPort, requestTimeout, null);
    }

    /**
     * As above, also serving stored state and history under {@code /api/v1/actors/} when {@code
     * history} is not {@code null}.
     */
    public HttpEndpoints(InetSocketAddress address, MeterRegistry registry, BooleanSupplier healthy,
            Optional<StaticFiles> files, int webSocketPort, Duration requestTimeout, HistoryApi history)
            throws IOException {
        this(address, registry, healthy, files, webSocketPort, requestTimeout, history, null);
    }

    /** As above, also answering what {@code routes} serves (any method), when not {@code null}. */
    public HttpEndpoints(InetSocketAddress address, MeterRegistry registry, BooleanSupplier healthy,
            Optional<StaticFiles> files, int webSocketPort, Duration requestTimeout, HistoryApi history,
            HttpRoutes routes) throws IOException {
        this.routes = routes;
        this.history = history;
        this.registry = registry;
        this.healthy = healthy;
        this.files = files;
        this.webSocketPort = webSocketPort;
        this.loop = new HttpLoop(address, this::answer, requestTimeout);
    }

    public int port() {
        return loop.port();
    }

    private Response answer(String method, String target, String authorization, String host, InetAddress peer) {
        String path;
        URI uri;
        try {
            uri = URI.create(target);
            path = uri.getPath();
        } catch (IllegalArgumentException malformed) {
            return HttpLoop.status(400, "Bad Request");
        }
        if (path == null || !path.startsWith("/")) {
            return HttpLoop.status(400, "Bad Request");
        }
        if (routes != null && routes.serves(path)) {
            HttpRoutes.Reply reply = routes.answer(new HttpRoutes.Request(method, uri, authorization, host, peer));
            return new Response(reply.status(), reasonFor(reply.status()), reply.contentType(), reply.body(), "");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            HttpLoop.Response refused = HttpLoop.status(405, "Method Not Allowed");
            return new Response(refused.status(), refused.reason(), refused.contentType(), refused.body(),
                    "Allow: GET, HEAD\r\n");
        }
        if (history != null && path.startsWith(HistoryApi.PREFIX)) {
            HistoryApi.Answer answer = history.answer(uri.getRawPath(), uri.getRawQuery(), authorization);
            return ok(answer.status(), reasonFor(answer.status()), JSON, answer.body());
        }
        switch (path) {
            case "/health": {
                boolean serving = healthy.getAsBoolean();
                return ok(serving ? 200 : 503, serving ? "OK" : "Service Unavailable", JSON,
                        serving ? "{\"status\":\"ok\"}" : "{\"status\":\"shutting down\"}");
            }
            case "/metrics":
                return PrometheusText.scrape(registry)
                        .map(text -> ok(200, "OK", "text/plain; version=0.0.4; charset=utf-8", text))
                        .orElseGet(() -> ok(404, "Not Found", TEXT, "No Prometheus registry: metrics go to the"
                                + " application's own registry, or add io.micrometer:micrometer-registry-prometheus"));
            case "/zocket.json":
                return ok(200, "OK", JSON, "{\"wsPort\":" + webSocketPort + "}");
            default:
                return files.flatMap(f -> f.find(path))
                        .map(content -> new Response(200, "OK", content.contentType(), content.bytes(), ""))
                        .orElseGet(() -> HttpLoop.status(404, "Not Found"));
        }
    }

    private static String reasonFor(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 202 -> "Accepted";
            default -> "Service Unavailable";
        };
    }

    private static Response ok(int status, String reason, String contentType, String body) {
        return new Response(status, reason, contentType, body.getBytes(StandardCharsets.UTF_8), "");
    }

    @Override
    public void close() {
        loop.stop();
    }
}
