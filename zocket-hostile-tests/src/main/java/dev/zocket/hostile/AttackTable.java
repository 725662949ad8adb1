package dev.zocket.hostile;

import dev.zocket.hostile.attack.Attack;
import dev.zocket.hostile.attack.Attacks;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the attacks (all, or those named as arguments), each against a fresh child server, and
 * prints the innocent client's call latency p50/p99 before and during each as a Markdown table,
 * with whether the server withstood it.
 *
 * <pre>
 * mvn -B -q -pl zocket-hostile-tests -am package -DskipTests
 * java -jar zocket-hostile-tests/target/hostile-tests.jar [pong-flood slow-readers ...]
 * </pre>
 */
public final class AttackTable {

    private AttackTable() {}

    public static void main(String[] args) throws Exception {
        Set<String> wanted = Set.of(args);
        List<Attack> attacks = Attacks.all().stream().filter(a -> wanted.isEmpty() || wanted.contains(a.name())).toList();
        StringBuilder table = new StringBuilder()
                .append("| attack | what the attacker does | baseline p50 / p99 (ms) | under attack p50 / p99 (ms) | calls under attack | live heap (MiB) | withstood |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Attack attack : attacks) {
            System.err.println("running " + attack.name());
            long start = System.nanoTime();
            TrialResult result = Trial.run(attack);
            System.err.printf("  %s: %d s%n", attack.name(), (System.nanoTime() - start) / 1_000_000_000);
            table.append(row(result)).append('\n');
            result.failures().forEach(failure -> System.err.println("  " + attack.name() + ": " + failure));
        }
        System.out.print(table);
    }

    static String row(TrialResult result) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f | %.2f / %.2f | %d | %s | %s |",
                result.attack(), result.description(),
                result.baseline().millis(50), result.baseline().millis(99),
                result.during().millis(50), result.during().millis(99), result.during().count(),
                result.liveHeapBytes() < 0 ? "?" : String.valueOf(result.liveHeapBytes() / (1024 * 1024)),
                result.passed() ? "yes" : "no");
    }
}
