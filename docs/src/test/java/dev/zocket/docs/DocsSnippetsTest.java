package dev.zocket.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the Java in the Markdown honest. Every {@code ```java} block in {@code docs/*.md} and the
 * README must follow a marker naming the compiled source region it shows:
 *
 * <pre>
 * &lt;!-- snippet: chat/ChatRoom.java#contract --&gt;
 * </pre>
 *
 * and must equal that region (between {@code // tag::contract[]} and {@code // end::contract[]},
 * common indentation removed; a path starting with {@code /} is from the repository root), or a marker naming a file of the project archetype, which the
 * block shows whole as generated for {@link #EXAMPLE_PACKAGE} (that project is compiled and
 * tested by {@code GettingStartedIT}):
 *
 * <pre>
 * &lt;!-- template: src/main/java/Guestbook.java --&gt;
 * </pre>
 *
 * Run with {@code ZOCKET_UPDATE_DOCS=1} to rewrite the blocks from the sources.
 */
class DocsSnippetsTest {

    private static final Path DOCS = Path.of(".");
    private static final Path SNIPPETS = Path.of("src/test/java/dev/zocket/docs");
    private static final Path TEMPLATES = Path.of("../zocket-archetype/src/main/resources/archetype-resources");
    /** The package getting-started.md generates its project with. */
    static final String EXAMPLE_PACKAGE = "com.example.hello";
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- (?<kind>snippet|template): (?<ref>[^ ]+) -->\\n)?```java\\n(?<code>.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyJavaBlockIsACompiledSnippet() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.add(Path.of("../README.md"));
        boolean update = System.getenv("ZOCKET_UPDATE_DOCS") != null;
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            if (update) {
                text = rewrite(text);
                Files.writeString(page, text, StandardCharsets.UTF_8);
            }
            Matcher block = BLOCK.matcher(text);
            int index = 0;
            while (block.find()) {
                String kind = block.group("kind");
                String ref = block.group("ref");
                String code = block.group("code");
                String name = page.getFileName() + " block " + (++index) + (ref == null ? "" : " (" + ref + ")");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    assertFalse(ref == null, "a ```java block needs a <!-- snippet: file#region --> "
                            + "or <!-- template: path --> marker");
                    assertEquals(source(kind, ref), code);
                }));
            }
        }
        assertTrue(!tests.isEmpty(), "no Java blocks found under " + DOCS.toAbsolutePath());
        return tests.stream();
    }

    private static String rewrite(String text) throws IOException {
        Matcher block = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String kind = block.group("kind");
            String ref = block.group("ref");
            String replacement = ref == null ? block.group()
                    : "<!-- " + kind + ": " + ref + " -->\n```java\n" + source(kind, ref) + "```";
            block.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        block.appendTail(out);
        return out.toString();
    }

    private static String source(String kind, String ref) throws IOException {
        return kind.equals("template") ? template(ref) : region(ref);
    }

    /** An archetype file as generated for {@link #EXAMPLE_PACKAGE}. */
    static String template(String path) throws IOException {
        return Files.readString(TEMPLATES.resolve(path)).replace("${package}", EXAMPLE_PACKAGE);
    }

    /** The lines between the region's tag and end markers, without their common indentation. */
    static String region(String ref) throws IOException {
        String[] parts = ref.split("#", 2);
        // "/module/src/..." names a file anywhere in the repository, such as the draw example.
        Path file = parts[0].startsWith("/") ? Path.of("..", parts[0].substring(1)) : SNIPPETS.resolve(parts[0]);
        List<String> lines = Files.readAllLines(file);
        String tag = "// tag::" + parts[1] + "[]";
        String end = "// end::" + parts[1] + "[]";
        List<String> region = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.strip().equals(tag)) {
                inside = true;
            } else if (line.strip().equals(end)) {
                inside = false;
            } else if (inside && !line.strip().startsWith("// tag::") && !line.strip().startsWith("// end::")) {
                region.add(line);
            }
        }
        if (region.isEmpty()) {
            throw new IllegalArgumentException("No region " + parts[1] + " in " + parts[0]);
        }
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : region) {
            code.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return code.toString();
    }
}
