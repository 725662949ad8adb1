package dev.zocket.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster that lives only as long as a test run: {@code initdb} in a temporary
 * directory, {@code pg_ctl start} on an ephemeral port of 127.0.0.1 (its Unix socket in that
 * directory too), and on {@link #close()} an immediate stop and the directory deleted.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests run as root (CI containers do) the
 * programs run as the {@code postgres} user that Debian's package creates, through
 * {@code runuser}, and the directory is handed to that user. Durability on disk is switched off
 * ({@code fsync=off}): the tests kill the Zocket server, never the machine, so a commit PostgreSQL
 * acknowledged survives them either way.
 */
final class ThrowawayPostgres implements AutoCloseable {

    static final String SUPERUSER = "zocket";
    private static final String SERVER_USER = "postgres";
    private static final int START_ATTEMPTS = 3;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final PostgresBinaries binaries;
    private final Path directory;
    private final Path dataDirectory;
    private final int port;
    private final boolean runAsServerUser;
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread stopOnExit;

    private ThrowawayPostgres(PostgresBinaries binaries, Path directory, int port, boolean runAsServerUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.dataDirectory = directory.resolve("data");
        this.port = port;
        this.runAsServerUser = runAsServerUser;
        this.stopOnExit = new Thread(this::stopQuietly, "throwaway-postgres-stop");
    }

    /** Creates and starts a cluster; fails with installation advice when PostgreSQL is missing. */
    static ThrowawayPostgres start() throws IOException, InterruptedException {
        PostgresBinaries binaries = PostgresBinaries.locate();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("zocket-postgres-");
        if (root) {
            handToServerUser(directory);
        }
        IOException lastFailure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            ThrowawayPostgres server = new ThrowawayPostgres(binaries, directory, freePort(), root);
            try {
                server.startCluster(attempt == 0);
                Runtime.getRuntime().addShutdownHook(server.stopOnExit);
                return server;
            } catch (IOException e) {
                // Most likely another process took the port between freePort() and the bind.
                lastFailure = e;
            }
        }
        deleteRecursively(directory);
        throw lastFailure;
    }

    /** Creates an empty database of its own for one test. */
    TestDatabase createDatabase() throws SQLException {
        String name = "test_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(jdbcUrl(name), SUPERUSER);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it stops the server itself.
        }
        try {
            deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the throwaway cluster in " + directory, e);
        }
    }

    private void startCluster(boolean initialise) throws IOException, InterruptedException {
        if (initialise) {
            run(List.of(binaries.initdb().toString(), "-D", dataDirectory.toString(), "-U", SUPERUSER,
                    "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"));
        }
        String serverOptions = "-h 127.0.0.1 -p " + port + " -k " + directory + " -c fsync=off";
        run(List.of(binaries.pgCtl().toString(), "start", "-D", dataDirectory.toString(), "-w",
                "-t", "60", "-l", directory.resolve("server.log").toString(), "-o", serverOptions));
    }

    private void stopQuietly() {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        try {
            run(List.of(binaries.pgCtl().toString(), "stop", "-D", dataDirectory.toString(), "-m", "immediate", "-w"));
        } catch (IOException e) {
            System.err.println("could not stop the throwaway PostgreSQL in " + directory + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (runAsServerUser) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("zocket-postgres-command-", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed with exit code " + process.exitValue()
                        + ":\n" + Files.readString(output, StandardCharsets.UTF_8) + serverLog());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() throws IOException {
        Path log = directory.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static void handToServerUser(Path directory) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        GroupPrincipal group;
        try {
            group = users.lookupPrincipalByGroupName(SERVER_USER);
        } catch (IOException e) {
            throw new IllegalStateException("The tests run as root, so PostgreSQL must run as the user '"
                    + SERVER_USER + "', which does not exist. .ci/run installs Debian's postgresql package,"
                    + " which creates it.", e);
        }
        PosixFileAttributeView attributes = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        attributes.setOwner(users.lookupPrincipalByName(SERVER_USER));
        attributes.setGroup(group);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
