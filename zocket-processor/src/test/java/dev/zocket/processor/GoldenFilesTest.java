package dev.zocket.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles each representative contract under {@code good/} ({@code ChatRoom}: records, lists,
 * string maps, optionals, every kind of method and event, Jakarta security annotations; {@code Game}: sealed interfaces, keyed
 * and sorted maps, sets) and compares every generated source with the checked-in file under
 * {@code expected/}. Run with {@code ZOCKET_UPDATE_GOLDEN=1} to rewrite
 * the expected files after an intended change, then review the diff.
 *
 * <p>Compiles with {@code -Xlint:all -Werror}, minus the {@code processing} category: that one
 * only reports that no processor claimed the contract's Jackson and validation annotations,
 * which is by design (a processor should not claim annotations), not about generated code.
 */
class GoldenFilesTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected");

    @ParameterizedTest
    @ValueSource(strings = {"com/example/chat/ChatRoom", "com/example/game/Game", "com/example/cards/Table"})
    void representativeActorGeneratesTheCheckedInSourcesWithoutWarnings(String contract) throws IOException {
        Compilation compilation = javac()
                .withProcessors(new ZocketProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(JavaFileObjects.forResource("good/" + contract + ".java"));
        String packageDirectory = contract.substring(0, contract.lastIndexOf('/') + 1);

        assertThat(compilation).succeededWithoutWarnings();
        List<JavaFileObject> generated = compilation.generatedSourceFiles();
        if (System.getenv("ZOCKET_UPDATE_GOLDEN") != null) {
            writeExpected(generated);
        }
        TreeSet<String> generatedNames = generated.stream().map(GoldenFilesTest::relativePath)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedNames(packageDirectory), generatedNames, "generated files");
        for (JavaFileObject file : generated) {
            String path = relativePath(file);
            String expected = Files.readString(EXPECTED.resolve(path));
            assertThat(compilation).generatedSourceFile(path.replace(".java", "").replace('/', '.'))
                    .hasSourceEquivalentTo(JavaFileObjects.forSourceString(path, expected));
            assertEquals(expected, file.getCharContent(false).toString(), path + " (formatting)");
        }
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.zocket.spi.ActorBinding")
                .contentsAsUtf8String()
                .isEqualTo(contract.replace('/', '.') + "Binding\n");
    }

    private static String relativePath(JavaFileObject file) {
        String uri = file.toUri().getPath();
        return uri.substring(uri.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
    }

    private static TreeSet<String> expectedNames(String packageDirectory) throws IOException {
        Path directory = EXPECTED.resolve(packageDirectory);
        if (!Files.isDirectory(directory)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> EXPECTED.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void writeExpected(List<JavaFileObject> generated) throws IOException {
        for (JavaFileObject file : generated) {
            Path target = EXPECTED.resolve(relativePath(file));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getCharContent(false), StandardCharsets.UTF_8);
        }
    }
}
