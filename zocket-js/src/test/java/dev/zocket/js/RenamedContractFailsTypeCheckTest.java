package dev.zocket.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.processor.ZocketProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renamed method or field in a Java contract fails the TypeScript check of code written
 * against the old names: javac with the Zocket processor generates the declarations of a
 * contract, then {@code tsc} (from this module's {@code node_modules}) checks a small TypeScript
 * file that calls the actor through the typed client, once against the contract and once against
 * a copy with the method renamed, and once with a record component renamed.
 */
@Timeout(120)
class RenamedContractFailsTypeCheckTest {

    private static final String CONTRACT = """
            package quiz;

            @dev.zocket.Actor("quiz")
            public interface Quiz {
                record State(int asked) {}
                record Attempt(String text) {}
                record Verdict(boolean correct) {}
                Verdict guess(Attempt input);
            }
            """;

    private static final String USAGE = """
            import type { ActorHandle } from "%s";
            import type { Actors } from "./typescript/index.js";

            declare const quiz: ActorHandle<Actors["quiz"]>;
            export async function play(): Promise<boolean> {
              const verdict = await quiz.call("guess", { text: "apple" });
              return verdict.correct;
            }
            """;

    private static final String TSCONFIG = """
            {
              "compilerOptions": {
                "strict": true, "noEmit": true, "target": "es2022", "types": [],
                "module": "nodenext", "moduleResolution": "nodenext"
              },
              "files": ["usage.ts"]
            }
            """;

    @TempDir
    Path directory;

    @Test
    void theUsageCompilesAgainstTheContractItWasWrittenFor() throws Exception {
        assertEquals("", typeCheck(CONTRACT));
    }

    @Test
    void renamingTheMethodFailsTheTypeCheck() throws Exception {
        String errors = typeCheck(CONTRACT.replace("Verdict guess(", "Verdict makeGuess("));

        assertTrue(errors.contains("error TS2345: Argument of type '\"guess\"' is not assignable to parameter of type"
                + " '\"makeGuess\"'"), errors);
    }

    @Test
    void renamingAnInputFieldFailsTheTypeCheck() throws Exception {
        String errors = typeCheck(CONTRACT.replace("record Attempt(String text)", "record Attempt(String answer)"));

        assertTrue(errors.contains("'text' does not exist in type 'QuizAttempt'"), errors);
    }

    /** Generates the contract's declarations, then type-checks the usage; answers tsc's output, empty if it passed. */
    private String typeCheck(String contract) throws IOException, InterruptedException {
        Path sources = Files.createDirectories(directory.resolve("src/quiz"));
        Files.writeString(sources.resolve("Quiz.java"), contract);
        Path generated = Files.createDirectories(directory.resolve("generated"));
        Path classes = Files.createDirectories(directory.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter javacOutput = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(sources.resolve("Quiz.java"));
            JavaCompiler.CompilationTask task = javac.getTask(javacOutput, files, null,
                    List.of("-proc:only", "-s", generated.toString(), "-d", classes.toString(),
                            "-classpath", System.getProperty("java.class.path")),
                    null, units);
            task.setProcessors(List.of(new ZocketProcessor()));
            assertTrue(task.call(), javacOutput::toString);
        }
        Path client = Path.of("src/zocket.js").toAbsolutePath();
        Files.writeString(generated.resolve("usage.ts"), USAGE.formatted(client.toString().replace('\\', '/')));
        Files.writeString(generated.resolve("tsconfig.json"), TSCONFIG);
        Process tsc = new ProcessBuilder("node", Path.of("node_modules/typescript/bin/tsc").toAbsolutePath().toString(),
                "-p", "tsconfig.json")
                .directory(generated.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tsc.waitFor(90, TimeUnit.SECONDS), "tsc did not finish");
        if (output.isEmpty()) {
            assertEquals(0, tsc.exitValue());
        } else {
            assertNotEquals(0, tsc.exitValue(), output);
        }
        return output;
    }
}
