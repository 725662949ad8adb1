package dev.zocket.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated TypeScript shown in {@code typescript.md} true: every {@code ```ts} block
 * after a {@code <!-- generated: /path -->} marker must be an excerpt of that file as the build
 * wrote it, its lines in the file's order; a line {@code // ...} stands for lines left out.
 */
class TypeScriptPageTest {

    private static final Pattern BLOCK =
            Pattern.compile("<!-- generated: (?<path>[^ ]+) -->\\n```ts\\n(?<code>.*?)```", Pattern.DOTALL);

    @Test
    void everyGeneratedExcerptMatchesTheGeneratedFile() throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(Path.of("typescript.md")));
        int blocks = 0;
        while (block.find()) {
            blocks++;
            Path file = Path.of("..", block.group("path").substring(1));
            List<String> generated = Files.readAllLines(file);
            int at = 0;
            for (String line : block.group("code").split("\n")) {
                if (line.strip().startsWith("// ...")) {
                    continue;
                }
                int found = generated.subList(at, generated.size()).indexOf(line);
                assertTrue(found >= 0, () -> file + " has no line, in this order: " + line);
                at += found + 1;
            }
        }
        assertFalse(blocks == 0, "typescript.md shows no generated excerpt");
    }
}
