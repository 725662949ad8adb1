package dev.zocket.bench.load;

import dev.zocket.example.cli.CommandLine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the load generator was asked to do.
 *
 * @param scenario      {@code rpc}, {@code hot}, {@code fanout} or {@code connect}
 * @param url           a running server to load; empty to start one
 * @param server        {@code spawned} (a child JVM) or {@code in-process}, when no URL is given
 * @param serverCommand a shell command that starts the server and prints its URL first; empty to
 *     start the bench server as {@code server} says
 * @param connections   calling connections (rpc, hot) or idle ones (connect)
 * @param subscribers   fanout: connections watching the one actor's state
 * @param rate          fanout: state changes per second from the one writer
 * @param watch         rpc, hot: whether every caller also subscribes to its actor's state
 * @param warmup        time before measuring
 * @param duration      time measured (connect: time the connections are held idle)
 * @param connectConcurrency handshakes in progress at once while opening connections
 * @param repeat        runs, each against a fresh server unless a URL is given; more than one
 *     prints every run and their medians
 */
record LoadOptions(String scenario, Optional<String> url, String server, Optional<String> serverCommand, int connections, int subscribers, int rate,
        boolean watch, Duration warmup, Duration duration, int connectConcurrency, int repeat) {

    static final List<String> SCENARIOS = List.of("rpc", "hot", "fanout", "connect");
    static final List<String> SERVERS = List.of("spawned", "in-process");

    static LoadOptions parse(String[] args) {
        Map<String, String> options = CommandLine.parse(args, "scenario", "url", "server", "server-command", "connections", "subscribers",
                "rate", "watch", "warmup", "duration", "connect-concurrency", "repeat");
        String scenario = oneOf(options, "scenario", SCENARIOS, null);
        return new LoadOptions(
                scenario,
                Optional.ofNullable(options.get("url")),
                oneOf(options, "server", SERVERS, "spawned"),
                Optional.ofNullable(options.get("server-command")),
                CommandLine.integer(options, "connections", scenario.equals("connect") ? 1_000 : 100, 1),
                CommandLine.integer(options, "subscribers", 100, 1),
                CommandLine.integer(options, "rate", 100, 1),
                oneOf(options, "watch", List.of("true", "false"), "false").equals("true"),
                Duration.ofSeconds(CommandLine.integer(options, "warmup", 5, 0)),
                Duration.ofSeconds(CommandLine.integer(options, "duration", 10, 0)),
                CommandLine.integer(options, "connect-concurrency", 200, 1),
                CommandLine.integer(options, "repeat", 1, 1));
    }

    private static String oneOf(Map<String, String> options, String option, List<String> allowed, String fallback) {
        String value = options.getOrDefault(option, fallback);
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException("--" + option + " must be one of " + String.join(", ", allowed)
                    + (value == null ? "" : ", got '" + value + "'"));
        }
        return value;
    }

    /** The usage text printed on a bad command line. */
    static String usage() {
        return String.join(System.lineSeparator(), Arrays.asList(
                "java -cp zocket-bench/target/benchmarks.jar dev.zocket.bench.load.LoadGenerator --scenario S [options]",
                "  --scenario rpc|hot|fanout|connect",
                "  --url ws://host:port          load a running bench server (default: start one)",
                "  --server spawned|in-process   how to start it (default spawned: a child JVM)",
                "  --server-command CMD          start each server with this shell command instead; it prints its ws:// URL first",
                "  --connections N               rpc, hot: callers (default 100); connect: idle connections (1000)",
                "  --subscribers M               fanout: state subscribers (default 100)",
                "  --rate R                      fanout: state changes per second (default 100)",
                "  --watch true|false            rpc, hot: callers also subscribe to state (default false)",
                "  --warmup S                    seconds before measuring (default 5)",
                "  --duration S                  seconds measured; connect: seconds held idle (default 10)",
                "  --connect-concurrency C       handshakes at once while connecting (default 200)",
                "  --repeat K                    runs, each on a fresh server; prints them and their medians (default 1)"));
    }
}
