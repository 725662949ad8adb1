package dev.zocket.bench.load;

import dev.zocket.json.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts a Zocket server under load from many connections in one JVM and prints the results as
 * JSON on standard output (progress and errors go to standard error).
 *
 * <ul>
 *   <li>{@code rpc}: N connections call {@code counter.increment} in a closed loop, each on its own
 *       counter.
 *   <li>{@code hot}: the same, all on one counter.
 *   <li>{@code fanout}: M connections watch the {@code ticker}'s state while one writer changes it R
 *       times a second; reports the delivery latency of each patch.
 *   <li>{@code connect}: N idle connections: time to open them, failures, server memory.
 * </ul>
 *
 * Without {@code --url} it starts the bench server in a child JVM. See {@code docs/benchmarks.md}.
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.usage());
            System.exit(2);
            return;
        }
        JsonMapper mapper = JsonCodec.standard().mapper().rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        if (options.repeat() == 1) {
            System.out.println(mapper.writeValueAsString(run(options)));
        } else {
            List<JsonNode> runs = new ArrayList<>();
            for (int i = 1; i <= options.repeat(); i++) {
                System.err.printf("run %d of %d%n", i, options.repeat());
                runs.add(mapper.valueToTree(run(options)));
            }
            ObjectNode report = mapper.createObjectNode();
            report.set("median", Medians.of(runs));
            report.set("runs", mapper.valueToTree(runs));
            System.out.println(mapper.writeValueAsString(report));
        }
        // The clients' shared threads are daemons, but a spawned server is stopped explicitly in run().
        System.exit(0);
    }

    /** Runs one scenario and returns its result record. */
    static Object run(LoadOptions options) throws IOException, InterruptedException {
        try (ServerTarget target = target(options)) {
            System.err.printf("%s against %s (%s)%n", options.scenario(), target.url(), target.kind());
            return switch (options.scenario()) {
                case "rpc", "hot" -> RpcScenario.run(target, options);
                case "fanout" -> FanoutScenario.run(target, options);
                case "connect" -> ConnectScenario.run(target, options);
                default -> throw new IllegalArgumentException("Unknown scenario " + options.scenario());
            };
        }
    }

    private static ServerTarget target(LoadOptions options) throws IOException {
        if (options.url().isPresent()) {
            return ServerTarget.remote(options.url().get());
        }
        if (options.serverCommand().isPresent()) {
            return new CommandServer(options.serverCommand().get());
        }
        return options.server().equals("in-process") ? new InProcessServer() : new SpawnedServer();
    }
}
