package dev.zocket.docs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.ZocketServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy files shown in docs/security.md are valid policies, read the way a server reads them. */
class PolicyExampleTest {

    private static final Pattern POLICY_BLOCK = Pattern.compile("<!-- policy -->\\n```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyPolicyExampleParses(@TempDir Path dir) throws Exception {
        Matcher block = POLICY_BLOCK.matcher(Files.readString(Path.of("security.md")));
        List<String> policies = new ArrayList<>();
        while (block.find()) {
            policies.add(block.group(1));
        }
        assertTrue(!policies.isEmpty(), "security.md shows a policy after a <!-- policy --> marker");
        for (String policy : policies) {
            Path file = dir.resolve("policy.json");
            Files.writeString(file, policy);
            ZocketServer.builder().accessPolicy(file); // throws, naming line and field, if it is not valid
        }
        assertEquals(1, policies.size());
    }
}
