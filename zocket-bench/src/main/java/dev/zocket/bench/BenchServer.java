package dev.zocket.bench;

import dev.zocket.example.cli.CommandLine;
import dev.zocket.example.counter.CounterActor;
import dev.zocket.example.counter.CounterBinding;
import dev.zocket.example.draw.DrawingRoomActor;
import dev.zocket.example.draw.DrawingRoomBinding;
import dev.zocket.json.JsonCodec;
import dev.zocket.server.ZocketServer;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.store.sqlite.SqliteStateStore;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server the load generator runs against: the {@code counter}, {@code draw} and
 * {@code ticker} actors.
 *
 * <pre>
 * --port N        WebSocket port; 0 picks a free one (else $BENCH_PORT, else 3101)
 * --http-port N   health and Prometheus metrics, with JVM memory gauges (default off)
 * --data-dir D    keep actor state durably in SQLite under D (default: in memory)
 * </pre>
 *
 * Prints {@code ws://127.0.0.1:<port>} once it accepts connections. A line {@code memory} on
 * standard input is answered on standard output with the heap in use after a full collection and
 * the resident set size, as one JSON line; the load generator's {@code connect} scenario uses it.
 */
public final class BenchServer {

    /** The port used when {@code --port} is not given. */
    public static final int DEFAULT_PORT = 3101;

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLine.parse(args, "port", "http-port", "data-dir");
        int port = CommandLine.port(options, "port", "BENCH_PORT", DEFAULT_PORT);
        Integer httpPort = options.containsKey("http-port")
                ? CommandLine.port(options, "http-port", "BENCH_HTTP_PORT", 0) : null;
        ZocketServer server = start("127.0.0.1", port, httpPort, options.containsKey("data-dir")
                ? SqliteStateStore.open(Path.of(options.get("data-dir")).resolve("zocket.db")) : null);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println(server.url());
        System.out.flush();
        Thread control = new Thread(BenchServer::answerMemoryQueries, "bench-server-control");
        control.setDaemon(true);
        control.start();
        server.awaitStop();
    }

    /** Starts the bench actors on {@code host:port}; the caller stops the server. */
    public static ZocketServer start(String host, int port, Integer httpPort) throws IOException {
        return start(host, port, httpPort, null);
    }

    /** As above, with actor state kept in {@code store} when it is not {@code null}. */
    public static ZocketServer start(String host, int port, Integer httpPort, StateStore store) throws IOException {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        ZocketServer.Builder builder = ZocketServer.builder()
                .actor(CounterBinding.INSTANCE, CounterActor::new)
                .actor(DrawingRoomBinding.INSTANCE, DrawingRoomActor::new)
                .actor(TickerBinding.INSTANCE, TickerActor::new)
                .host(host)
                .port(port)
                .meterRegistry(metrics)
                // A closed loop keeps at most one call per connection in flight; the hot scenario
                // queues one call per connection on a single instance, so lift the per-instance bound.
                .maxMailboxDepth(100_000);
        if (httpPort != null) {
            builder.httpPort(httpPort);
        }
        if (store != null) {
            builder.store(store);
        }
        return builder.start();
    }

    private static void answerMemoryQueries() {
        JsonCodec json = JsonCodec.standard();
        try (BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = input.readLine(); line != null; line = input.readLine()) {
                if (line.strip().equals("memory")) {
                    System.out.println(json.toJson(ServerMemory.measure()));
                    System.out.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
