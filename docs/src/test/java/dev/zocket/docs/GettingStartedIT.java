package dev.zocket.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Follows docs/getting-started.md as a new user would, on a clean Maven repository: installs this
 * repository's artifacts, generates a project from the archetype, builds and tests it, starts its
 * server and has its client make a call and receive the state patch.
 *
 * <p>Isolation: every {@code mvn} runs with {@code -Dmaven.repo.local} pointing into
 * {@code target/getting-started}, so nothing comes from artifacts installed earlier. Third-party
 * artifacts are read from the developer's repository as if it were a remote one (snapshots
 * disabled, so no Zocket artifact can leak in), falling back to Maven Central. Nothing else is
 * reached over the network.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GettingStartedIT {

    private static final Path GUIDE = Path.of("getting-started.md");
    private static final Path REPOSITORY_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/getting-started").toAbsolutePath();
    private static final Path LOCAL_REPOSITORY = WORK.resolve("repository");
    private static final Path SETTINGS = WORK.resolve("settings.xml");
    private static final Path CLONE = WORK.resolve("zocket-java");
    private static final Path PROJECTS = WORK.resolve("projects");
    private static final Path PROJECT = PROJECTS.resolve("hello-zocket");

    private static final String INSTALL = "mvn -q install -DskipTests";
    private static final String GENERATE = "mvn -B archetype:generate -DarchetypeGroupId=dev.zocket "
            + "-DarchetypeArtifactId=zocket-archetype -DarchetypeVersion=0.1.0-SNAPSHOT -DgroupId=com.example "
            + "-DartifactId=hello-zocket -Dpackage=com.example.hello -DinteractiveMode=false";
    private static final String ENTER = "cd hello-zocket";
    private static final String VERIFY = "mvn verify";
    private static final String SERVER = "mvn -q compile exec:java@server";
    private static final String CLIENT = "mvn -q exec:java@client";
    private static final List<String> COMMANDS = List.of(INSTALL, GENERATE, ENTER, VERIFY, SERVER, CLIENT);

    @BeforeAll
    static void cleanWorkspace() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(PROJECTS);
        Files.writeString(SETTINGS, settings(Path.of(System.getProperty("zocket.warmRepository",
                System.getProperty("user.home") + "/.m2/repository"))));
    }

    @Test
    @Order(1)
    void theGuideShowsExactlyTheCommandsRunHere() throws IOException {
        List<String> shown = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(shown::add);
        }
        assertEquals(COMMANDS, shown, "the bash blocks of getting-started.md, in order");
    }

    @Test
    @Order(2)
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aNewProjectBuildsRunsAndTalksToItsServer() throws Exception {
        copySources(REPOSITORY_ROOT, CLONE);
        run(INSTALL, CLONE, Map.of());
        run(GENERATE, PROJECTS, Map.of());
        assertTrue(Files.isRegularFile(PROJECT.resolve("pom.xml")), ENTER + " needs the generated project");

        String verify = run(VERIFY, PROJECT, Map.of());
        assertTrue(verify.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), verify);
        assertTrue(Files.isRegularFile(PROJECT.resolve(
                "target/generated-sources/annotations/com/example/hello/GuestbookHandle.java")),
                "the processor generated the handle");

        Process server = start(SERVER, PROJECT, Map.of("PORT", "0"));
        try {
            String url = awaitLine(server, "Guestbook ready on ", TimeUnit.MINUTES.toNanos(5))
                    .substring("Guestbook ready on ".length()).strip();
            String output = run(CLIENT, PROJECT, Map.of("ZOCKET_URL", url));
            assertEquals(List.of("state: 0 entries", "state: 1 entries", "Ada signed; entries: 1",
                    "last entry: Entry[name=Ada, message=Hello from Java]"),
                    output.lines().map(GettingStartedIT::withoutColour)
                            .filter(line -> line.startsWith("state: ") || line.startsWith("Ada signed")
                                    || line.startsWith("last entry: ")).toList(),
                    "the snapshot, then the patched state, then the call's result:\n" + output);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Copies the repository without build output, as a fresh clone would have it; the running
     * build's own {@code target} directories stay untouched.
     */
    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                String name = directory.getFileName().toString();
                if (!directory.equals(from) && (name.equals("target") || name.startsWith("."))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Runs a guide command to completion and returns its output; fails with the output if it fails. */
    private static String run(String command, Path directory, Map<String, String> environment) throws Exception {
        Process process = start(command, directory, environment);
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> output.append(line).append('\n'));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            fail("'" + command + "' in " + directory + " exited with " + exit + ":\n" + output);
        }
        return output.toString();
    }

    private static Process start(String command, Path directory, Map<String, String> environment) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(command.split(" ")));
        arguments.set(0, mavenExecutable());
        arguments.addAll(List.of("-Dmaven.repo.local=" + LOCAL_REPOSITORY, "-s", SETTINGS.toString(),
                "-Dstyle.color=never"));
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().remove("MAVEN_OPTS");
        return builder.start();
    }

    /** Maven resets the terminal colour around a plugin's output even when told not to colour. */
    private static String withoutColour(String line) {
        return line.replaceAll("\u001B\\[[;\\d]*m", "");
    }

    /** Reads the process's output until a line starts with {@code prefix}; keeps draining after. */
    private static String awaitLine(Process process, String prefix, long timeoutNanos) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
                continue;
            }
            seen.append(line).append('\n');
            if (withoutColour(line).startsWith(prefix)) {
                return withoutColour(line);
            }
        }
        return fail("The server never printed '" + prefix + "':\n" + seen);
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        if (home == null || home.isBlank()) {
            return "mvn";
        }
        return Path.of(home, "bin", "mvn").toString();
    }

    /** Maven settings reading released artifacts from {@code warm} before Maven Central. */
    private static String settings(Path warm) {
        String url = warm.toUri().toString();
        String repository = """
                        <id>%s</id>
                        <url>%s</url>
                        <releases><enabled>true</enabled></releases>
                        <snapshots><enabled>false</enabled></snapshots>
                """.formatted("warm-cache", url);
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>warm-cache</id>
                      <repositories>
                        <repository>
                %s        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                %s        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>warm-cache</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }
}
