package dev.zocket.docs.firstrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs Maven command lines as a new user types them, against a local repository of its own, so
 * that nothing installed earlier on this machine takes part.
 *
 * <p>Third-party artifacts are read from the developer's repository as if it were a remote one
 * (snapshots disabled, so no artifact of this project can leak in), falling back to Maven
 * Central. Nothing else is reached over the network.
 */
public final class IsolatedMaven {

    private final Path localRepository;
    private final Path settings;

    private IsolatedMaven(Path localRepository, Path settings) {
        this.localRepository = localRepository;
        this.settings = settings;
    }

    /** Prepares {@code work/repository} (empty) and {@code work/settings.xml}. */
    public static IsolatedMaven in(Path work) throws IOException {
        Path repository = Files.createDirectories(work.resolve("repository"));
        Path settings = Files.writeString(work.resolve("settings.xml"), settings(warmRepository()));
        return new IsolatedMaven(repository, settings);
    }

    /**
     * Starts {@code commandLine}, which begins with {@code mvn}, in {@code directory}. Bash runs
     * it, so quoting works as in a terminal; the isolation options are appended.
     */
    public RunningCommand start(String commandLine, Path directory, Map<String, String> environment)
            throws IOException {
        if (!commandLine.startsWith("mvn ")) {
            throw new IllegalArgumentException("Not a Maven command: " + commandLine);
        }
        String isolated = quote(mavenExecutable()) + commandLine.substring("mvn".length())
                + " -Dmaven.repo.local=" + quote(localRepository.toString())
                + " -s " + quote(settings.toString())
                + " -Dstyle.color=never --no-transfer-progress";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", isolated)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().putAll(environment);
        return new RunningCommand(commandLine, builder.start());
    }

    /** The local repository every command uses. */
    public Path localRepository() {
        return localRepository;
    }

    private static Path warmRepository() {
        return Path.of(System.getProperty("zocket.warmRepository",
                System.getProperty("user.home") + "/.m2/repository"));
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        if (home == null || home.isBlank()) {
            return "mvn";
        }
        return Path.of(home, "bin", "mvn").toString();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Maven settings reading released artifacts from {@code warm} before Maven Central. */
    private static String settings(Path warm) {
        String repository = """
                        <id>warm-cache</id>
                        <url>%s</url>
                        <releases><enabled>true</enabled></releases>
                        <snapshots><enabled>false</enabled></snapshots>
                """.formatted(warm.toUri());
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
