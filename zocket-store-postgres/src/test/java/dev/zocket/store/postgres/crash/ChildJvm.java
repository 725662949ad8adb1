package dev.zocket.store.postgres.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child JVM on this test's class path, which prints {@code url <ws url>} as its
 * first line once it serves. {@link #kill()} sends SIGKILL: no shutdown hook, no flush, no
 * goodbye to clients.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String url;

    private ChildJvm(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), main.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("zocket-crash-child-", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = output.readLine();
        if (first == null || !first.startsWith("url ")) {
            process.destroyForcibly();
            throw new IOException("the child server did not start (" + first + "); its log:\n" + Files.readString(log));
        }
        return new ChildJvm(process, log, first.substring("url ".length()));
    }

    String url() {
        return url;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child server survived SIGKILL");
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }

    /** Surefire and failsafe run tests from a manifest-only jar and name the real class path here. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
