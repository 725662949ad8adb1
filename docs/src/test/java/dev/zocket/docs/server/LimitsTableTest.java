package dev.zocket.docs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.ServerLimits;
import dev.zocket.server.ServerLimits.Limit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The limits table in server.md is generated from the declarations in {@link ServerLimits}.
 * After adding or changing a limit, regenerate it:
 * {@code mvn -pl docs test -Dtest=LimitsTableTest -Dzocket.regenerateDocs=true}.
 */
class LimitsTableTest {

    private static final Path PAGE = Path.of("server.md");
    private static final String START = "<!-- limits: generated from ServerLimits by LimitsTableTest -->\n";
    private static final String END = "<!-- end of limits -->\n";

    static String table() {
        StringBuilder table = new StringBuilder()
                .append("| limit | default | builder | environment | when exceeded |\n")
                .append("|---|---|---|---|---|\n");
        for (Limit<?> limit : ServerLimits.all()) {
            table.append("| ").append(limit.description())
                    .append(" | ").append(limit.defaultText())
                    .append(" | `").append(limit.name())
                    .append("` | `").append(limit.environmentVariable())
                    .append("` | ").append(limit.whenExceeded())
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void theLimitsTableShowsEveryDeclaredLimit() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertTrue(start >= 0 && end > start, "server.md lacks the markers " + START.strip() + " ... " + END.strip());
        String current = page.substring(start + START.length(), end);
        if (Boolean.getBoolean("zocket.regenerateDocs")) {
            Files.writeString(PAGE, page.substring(0, start + START.length()) + table() + page.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table(), current, "server.md's limits table is out of date; regenerate it with"
                + " -Dzocket.regenerateDocs=true (see LimitsTableTest)");
    }
}
