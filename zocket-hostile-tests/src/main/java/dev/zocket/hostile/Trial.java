package dev.zocket.hostile;

import dev.zocket.hostile.attack.Attack;
import dev.zocket.hostile.attack.Engagement;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs one attack against a fresh child server while an innocent client keeps calling, then
 * checks, with the attack still holding on, what every attack must leave intact: the process
 * is alive, {@code /health} answers within {@link #HEALTH_BOUND}, the live heap is under
 * {@link #HEAP_BUDGET_BYTES}, the innocent client's calls succeeded, and the attack's own
 * requirement ({@link Engagement#verify}).
 */
public final class Trial {

    /** Live heap allowed under attack: three quarters of the child's 128 MiB. */
    public static final long HEAP_BUDGET_BYTES = 96L * 1024 * 1024;
    public static final Duration HEALTH_BOUND = Duration.ofSeconds(2);

    private static final int WARMUP_CALLS = 200;
    private static final int BASELINE_CALLS = 300;
    private static final int CALLS_WHILE_HELD = 100;
    private static final Duration ATTACK_BOUND = Duration.ofSeconds(90);

    private Trial() {}

    public static TrialResult run(Attack attack) {
        List<String> failures = new ArrayList<>();
        Latencies baseline = new Latencies();
        Latencies during = new Latencies();
        long heap = -1;
        try {
            heap = run(attack, baseline, during, failures);
        } catch (Exception e) {
            failures.add("the trial could not run: " + e.getMessage());
        }
        return new TrialResult(attack.name(), attack.description(), baseline, during, heap, failures);
    }

    /** Runs the trial, filling in the latencies and failures; returns the live heap under attack, or -1. */
    private static long run(Attack attack, Latencies baseline, Latencies during, List<String> failures)
            throws Exception {
        long heap = -1;
        try (ChildServer server = ChildServer.start(attack.serverLimits());
                InnocentClient innocent = InnocentClient.connect(server.wsPort())) {
            for (int i = 0; i < WARMUP_CALLS; i++) {
                innocent.timedCall();
            }
            for (int i = 0; i < BASELINE_CALLS; i++) {
                baseline.add(innocent.timedCall());
            }
            ExecutorService attacker = Executors.newSingleThreadExecutor();
            Future<Engagement> launched = attacker.submit(() -> attack.launch(server));
            attacker.shutdown();
            boolean innocentOk = callWhile(innocent, during, () -> !launched.isDone(), failures);
            Engagement engagement = null;
            try {
                engagement = launched.get(ATTACK_BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.add("the attack did not run to its end: " + e);
            }
            try {
                if (innocentOk) {
                    int[] held = {0};
                    callWhile(innocent, during, () -> held[0]++ < CALLS_WHILE_HELD, failures);
                }
                heap = check(server, failures);
                if (engagement != null && server.isAlive()) {
                    try {
                        engagement.verify(server);
                    } catch (AssertionError | Exception e) {
                        failures.add(String.valueOf(e.getMessage()));
                    }
                }
            } finally {
                if (engagement != null) {
                    engagement.close();
                }
                attacker.shutdownNow();
            }
        }
        return heap;
    }

    /** Makes innocent calls while {@code condition} holds; false, and a failure noted, once one fails. */
    private static boolean callWhile(InnocentClient innocent, Latencies latencies,
            BooleanSupplier condition, List<String> failures) {
        while (condition.getAsBoolean()) {
            try {
                latencies.add(innocent.timedCall());
            } catch (IOException | RuntimeException e) {
                failures.add("an innocent call failed: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** The checks every attack gets; returns the live heap, or -1. */
    private static long check(ChildServer server, List<String> failures) {
        if (!server.isAlive()) {
            failures.add("the server process died (" + server.exitDescription() + "); log tail:\n" + tail(server.log()));
            return -1;
        }
        try {
            int status = server.health(HEALTH_BOUND);
            if (status != 200) {
                failures.add("/health answered " + status);
            }
        } catch (IOException | InterruptedException e) {
            failures.add("/health did not answer within " + HEALTH_BOUND.toSeconds() + " s: " + e);
        }
        try {
            long heap = server.liveHeapBytes();
            if (heap > HEAP_BUDGET_BYTES) {
                failures.add("live heap " + heap / (1024 * 1024) + " MiB is over the budget of "
                        + HEAP_BUDGET_BYTES / (1024 * 1024) + " MiB");
            }
            return heap;
        } catch (IOException | NumberFormatException e) {
            failures.add("could not read the server's heap: " + e.getMessage());
            return -1;
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
