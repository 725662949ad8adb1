package dev.zocket.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.hostile.attack.Attack;
import dev.zocket.hostile.attack.Attacks;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every attack of issue 15 against a fresh server in a child JVM with a 128 MiB heap: the
 * server must stay alive, answer {@code /health}, keep its live heap within the budget and keep
 * serving an innocent client, and each attack's own requirement must hold (docs/security.md).
 */
class HostileClientsIT {

    static Stream<Named<Attack>> attacks() {
        return Attacks.all().stream().map(attack -> Named.of(attack.name(), attack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theServerWithstands(Attack attack) {
        TrialResult result = Trial.run(attack);
        System.out.println(AttackTable.row(result));
        assertTrue(result.passed(), () -> attack.name() + " broke the server's guarantees:\n- "
                + String.join("\n- ", result.failures()));
    }
}
