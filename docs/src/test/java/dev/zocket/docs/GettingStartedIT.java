package dev.zocket.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.docs.firstrun.IsolatedMaven;
import dev.zocket.docs.firstrun.RunningCommand;
import dev.zocket.docs.firstrun.SourceCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Follows docs/getting-started.md as a new user would, on a clean Maven repository (see
 * {@link IsolatedMaven}): installs this repository's artifacts from a fresh copy of it, generates
 * a project from the archetype, builds and tests it, starts its server and has its client make a
 * call and receive the state patch.
 */
class GettingStartedIT {

    private static final Path GUIDE = Path.of("getting-started.md");
    private static final Path REPOSITORY_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/getting-started").toAbsolutePath();
    private static final Path CLONE = WORK.resolve("zocket-java");
    private static final Path PROJECTS = WORK.resolve("projects");
    private static final Path PROJECT = PROJECTS.resolve("hello-zocket");

    private static final String INSTALL = "mvn install -DskipTests";
    private static final String GENERATE = "mvn -B archetype:generate -DarchetypeGroupId=dev.zocket "
            + "-DarchetypeArtifactId=zocket-archetype -DarchetypeVersion=0.1.0-SNAPSHOT -DgroupId=com.example "
            + "-DartifactId=hello-zocket -Dpackage=com.example.hello -DinteractiveMode=false";
    private static final String ENTER = "cd hello-zocket";
    private static final String VERIFY = "mvn verify";
    private static final String SERVER = "mvn compile exec:java@server";
    private static final String CLIENT = "mvn -q exec:java@client";
    private static final List<String> COMMANDS = List.of(INSTALL, GENERATE, ENTER, VERIFY, SERVER, CLIENT);

    private static final String READY = "Guestbook ready on ";
    /** What Hibernate Validator prints first when it logs its version; a generated project hides it. */
    private static final String VALIDATOR_BANNER = "HV000001";
    private static final Duration BUILD = Duration.ofMinutes(10);

    @Test
    void theGuideShowsExactlyTheCommandsRunHere() throws IOException {
        List<String> shown = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(shown::add);
        }
        assertEquals(COMMANDS, shown, "the bash blocks of getting-started.md, in order");
    }

    @Test
    void aNewProjectBuildsRunsAndTalksToItsServer() throws Exception {
        SourceCopy.delete(WORK);
        SourceCopy.copyRepository(REPOSITORY_ROOT, CLONE);
        Files.createDirectories(PROJECTS);
        IsolatedMaven maven = IsolatedMaven.in(WORK);

        run(maven, INSTALL, CLONE, Map.of());
        run(maven, GENERATE, PROJECTS, Map.of());
        assertTrue(Files.isRegularFile(PROJECT.resolve("pom.xml")), ENTER + " needs the generated project");

        String verify = run(maven, VERIFY, PROJECT, Map.of());
        assertTrue(verify.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), verify);
        assertTrue(Files.isRegularFile(PROJECT.resolve(
                "target/generated-sources/annotations/com/example/hello/GuestbookHandle.java")),
                "the processor generated the handle");
        assertFalse(verify.contains(VALIDATOR_BANNER), "no validator banner in the tests' output:\n" + verify);

        try (RunningCommand server = maven.start(SERVER, PROJECT, Map.of("PORT", "0"))) {
            String url = server.await("'" + READY + "'", GettingStartedIT::readyUrl, BUILD);
            String output = run(maven, CLIENT, PROJECT, Map.of("ZOCKET_URL", url));
            assertEquals(List.of("state: 0 entries", "state: 1 entries", "Ada signed; entries: 1",
                    "last entry: Entry[name=Ada, message=Hello from Java]"),
                    output.lines().filter(line -> line.startsWith("state: ") || line.startsWith("Ada signed")
                            || line.startsWith("last entry: ")).toList(),
                    "the snapshot, then the patched state, then the call's result:\n" + output);
            assertFalse(output.contains(VALIDATOR_BANNER), "no validator banner in the client's output:\n" + output);
            assertTrue(server.stop(), "the server stops when asked:\n" + server.output());
            assertFalse(server.output().contains(VALIDATOR_BANNER),
                    "no validator banner in the server's output:\n" + server.output());
        }
    }

    private static Optional<String> readyUrl(String line) {
        return line.startsWith(READY) ? Optional.of(line.substring(READY.length()).strip()) : Optional.empty();
    }

    /** Runs a guide command to completion and returns its output; fails with the output if it fails. */
    private static String run(IsolatedMaven maven, String command, Path directory, Map<String, String> environment)
            throws Exception {
        try (RunningCommand running = maven.start(command, directory, environment)) {
            int exit = running.awaitExit(BUILD);
            assertEquals(0, exit, "'" + command + "' in " + directory + " failed:\n" + running.output());
            return running.output();
        }
    }
}
