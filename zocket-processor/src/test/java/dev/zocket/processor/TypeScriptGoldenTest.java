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
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles the representative contracts under {@code good/} and compares the TypeScript
 * declarations the processor writes with the checked-in files under {@code expected-typescript/}:
 * one directory per contract in the default per-actor layout ({@code Notebook} covers Javadoc,
 * renamed variants, Jackson trees, Base64 bytes and views), and {@code per-module/} for all of
 * them in one file. {@code ZOCKET_UPDATE_GOLDEN=1} rewrites the expected files. The zocket-js
 * module's type check compiles these files with {@code tsc}, so a golden file is also valid TypeScript.
 */
class TypeScriptGoldenTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected-typescript");

    private static final List<String> CONTRACTS =
            List.of("com/example/chat/ChatRoom", "com/example/game/Game", "com/example/cards/Table",
                    "com/example/notes/Notebook");

    @ParameterizedTest
    @ValueSource(strings = {"com/example/chat/ChatRoom", "com/example/game/Game", "com/example/cards/Table",
            "com/example/notes/Notebook"})
    void eachActorGetsItsOwnFileAndTheIndexMapsItsName(String contract) throws IOException {
        Compilation compilation = compile(List.of(contract));

        String directory = contract.substring(contract.lastIndexOf('/') + 1);
        assertMatchesGolden(compilation, directory, "typescript/");
    }

    @Test
    void perModuleLayoutWritesEveryActorIntoOneIndexInNameOrder() throws IOException {
        Compilation compilation = compile(CONTRACTS, "-Azocket.typescript.layout=per-module",
                "-Azocket.typescript.out=web/types");

        assertMatchesGolden(compilation, "per-module", "web/types/");
    }

    @Test
    void noneTurnsEmissionOff() {
        Compilation compilation = compile(CONTRACTS, "-Azocket.typescript.out=none");

        assertEquals(List.of(), typeScriptFiles(compilation, ""));
    }

    @Test
    void unknownLayoutIsAnErrorNamingTheChoices() {
        Compilation compilation = compile(CONTRACTS, "-Azocket.typescript.layout=flat");

        assertThat(compilation).hadErrorContaining(
                "Processor option -Azocket.typescript.layout=flat is not valid: use per-actor or per-module.");
    }

    @Test
    void anOutputPathLeavingTheGeneratedSourcesIsAnError() {
        Compilation compilation = compile(CONTRACTS, "-Azocket.typescript.out=../web");

        assertThat(compilation).hadErrorContaining("Processor option -Azocket.typescript.out=../web is not valid");
    }

    @Test
    void twoTypesTakingOneNameInOneFileIsAnErrorSuggestingPerActor() {
        Compilation compilation = javac()
                .withProcessors(new ZocketProcessor())
                .withOptions("-Azocket.typescript.layout=per-module")
                .compile(room("a"), room("b"));

        assertThat(compilation).hadErrorContaining("a.Room.State and b.Room.State would both be declared as RoomState"
                + " in one TypeScript file. Rename one of them, or write one file per actor");
    }

    private static JavaFileObject room(String packageName) {
        return JavaFileObjects.forSourceString(packageName + ".Room", "package " + packageName + ";\n"
                + "@dev.zocket.Actor(\"" + packageName + "\")\n"
                + "public interface Room {\n"
                + "    record State(int count) {}\n"
                + "    void bump();\n"
                + "}\n");
    }

    private static Compilation compile(List<String> contracts, String... options) {
        List<String> allOptions = new ArrayList<>(List.of("-Xlint:all,-processing", "-Werror"));
        allOptions.addAll(List.of(options));
        return javac()
                .withProcessors(new ZocketProcessor())
                .withOptions(allOptions)
                .compile(contracts.stream().map(c -> JavaFileObjects.forResource("good/" + c + ".java")).toList());
    }

    private static void assertMatchesGolden(Compilation compilation, String directory, String outPrefix)
            throws IOException {
        assertThat(compilation).succeededWithoutWarnings();
        List<JavaFileObject> files = typeScriptFiles(compilation, outPrefix);
        Path expectedDirectory = EXPECTED.resolve(directory);
        if (System.getenv("ZOCKET_UPDATE_GOLDEN") != null) {
            Files.createDirectories(expectedDirectory);
            for (JavaFileObject file : files) {
                Files.writeString(expectedDirectory.resolve(name(file)), file.getCharContent(false),
                        StandardCharsets.UTF_8);
            }
        }
        TreeSet<String> expectedNames;
        try (Stream<Path> listed = Files.list(expectedDirectory)) {
            expectedNames = listed.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expectedNames, files.stream().map(TypeScriptGoldenTest::name)
                .collect(Collectors.toCollection(TreeSet::new)), "generated TypeScript files");
        for (JavaFileObject file : files) {
            assertEquals(Files.readString(expectedDirectory.resolve(name(file))), file.getCharContent(false).toString(),
                    directory + "/" + name(file));
            assertThat(compilation).generatedFile(StandardLocation.SOURCE_OUTPUT, outPrefix + name(file));
        }
    }

    private static List<JavaFileObject> typeScriptFiles(Compilation compilation, String outPrefix) {
        return compilation.generatedFiles().stream()
                .filter(f -> f.toUri().getPath().endsWith(".d.ts"))
                .filter(f -> f.toUri().getPath().contains("/SOURCE_OUTPUT/" + outPrefix))
                .toList();
    }

    private static String name(JavaFileObject file) {
        String path = file.toUri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
