package dev.zocket.hostile.server;

import dev.zocket.example.counter.CounterActor;
import dev.zocket.example.counter.CounterBinding;
import dev.zocket.example.draw.DrawingRoomActor;
import dev.zocket.example.draw.DrawingRoomBinding;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.ZocketServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The attacked server, run in a child JVM by {@code ChildServer}: the example's {@code draw}
 * (600-second rounds) and {@code counter} actors plus {@link Stall} and {@link Faulty}, on
 * 127.0.0.1 with ephemeral WebSocket and HTTP ports.
 *
 * <p>Arguments: {@code --limit NAME=VALUE}, repeatable, sets the {@link ServerLimits} limit of
 * that builder name (durations in seconds, may have a fraction; {@code ?NAME=VALUE} if the
 * server may not have it); everything else stays at its default, or its {@code ZOCKET_*}
 * environment variable.
 *
 * <p>Once listening it prints {@code ports ws=<port> http=<port>} on standard output. It then
 * answers lines on standard input, one line each on standard output:
 * <ul>
 *   <li>{@code heap}: bytes of heap in use after two full collections;
 *   <li>{@code factory-runs}: how many times the {@link Faulty} factory ran.
 * </ul>
 * The control channel is a thread of its own, so it answers while the server's threads are busy,
 * and tells the parent nothing the server reports about itself.
 */
public final class HostileServer {

    private HostileServer() {}

    public static void main(String[] args) throws Exception {
        ServerLimits.Builder limits = ServerLimits.builder();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals("--limit") || i + 1 == args.length) {
                throw new IllegalArgumentException("Usage: --limit NAME=VALUE ...; got " + args[i]);
            }
            LimitSetting.parse(args[++i]).ifPresent(setting -> setting.applyTo(limits));
        }
        FaultyFactory faulty = new FaultyFactory();
        ZocketServer server = ZocketServer.builder()
                .actor(DrawingRoomBinding.INSTANCE, context -> new DrawingRoomActor(
                        context, RandomGenerator.getDefault(), Clock.systemUTC(), Duration.ofMinutes(10)))
                .actor(CounterBinding.INSTANCE, CounterActor::new)
                .actor(StallBinding.INSTANCE, StallActor::new)
                .actor(FaultyBinding.INSTANCE, faulty)
                .limits(limits.build())
                .host("127.0.0.1")
                .port(0)
                .httpPort(0)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        PrintStream out = System.out;
        out.println("ports ws=" + server.port() + " http=" + server.httpPort().orElseThrow());
        out.flush();
        answerControl(out, faulty);
        server.stop();
    }

    /** Answers control lines until standard input ends, which is when the parent goes away. */
    private static void answerControl(PrintStream out, FaultyFactory faulty) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.strip()) {
                case "heap" -> out.println(liveHeapBytes());
                case "factory-runs" -> out.println(faulty.runs());
                default -> out.println("unknown command: " + line);
            }
            out.flush();
        }
    }

    private static long liveHeapBytes() {
        // Two collections: the first may only queue reference-processed objects.
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
