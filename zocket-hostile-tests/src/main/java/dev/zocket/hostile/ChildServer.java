package dev.zocket.hostile;

import dev.zocket.hostile.server.HostileServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link HostileServer} in a child JVM with a small heap that exits on {@code OutOfMemoryError}:
 * an attack that exhausts memory ends the process, which the suite sees, instead of leaving a
 * zombie or taking the test JVM with it. Its log (standard error) goes to a file.
 */
public final class ChildServer implements AutoCloseable {

    /** The child's maximum heap. */
    public static final String MAX_HEAP = "-Xmx128m";

    private static final Pattern PORTS = Pattern.compile("ports ws=(\\d+) http=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final BufferedReader output;
    private final PrintWriter control;
    private final Path log;
    private final int wsPort;
    private final int httpPort;
    private boolean controlBroken;

    private ChildServer(Process process, Path log) throws IOException {
        this.process = process;
        this.log = log;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.control = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = readLine(Duration.ofSeconds(60));
        Matcher ports = first == null ? null : PORTS.matcher(first);
        if (ports == null || !ports.matches()) {
            process.destroyForcibly();
            throw new IOException("The child server did not start (" + first + "); its log:\n" + log());
        }
        this.wsPort = Integer.parseInt(ports.group(1));
        this.httpPort = Integer.parseInt(ports.group(2));
    }

    /** Starts a child server with these {@code NAME=VALUE} limit settings. */
    public static ChildServer start(List<String> limits) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(MAX_HEAP);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; the attacks are short
        command.add("-cp");
        command.add(classPath());
        command.add(HostileServer.class.getName());
        for (String limit : limits) {
            command.add("--limit");
            command.add(limit);
        }
        Path log = Files.createTempFile("zocket-hostile-", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ChildServer(process, log);
    }

    /**
     * This JVM's class path as the child needs it. Surefire and failsafe run tests from a
     * manifest-only jar and name the real class path in a property; {@code exec:java} runs in
     * Maven's JVM with a class loader of its own, whose URLs are the project's class path.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null) {
            return surefire;
        }
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("Not a file on the class path: " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    public int wsPort() {
        return wsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** How the process ended, for failure messages; "running" while it runs. */
    public String exitDescription() {
        if (process.isAlive()) {
            return "running";
        }
        // -XX:+ExitOnOutOfMemoryError exits with 3, after printing why on standard output
        return "exited with " + process.exitValue() + (process.exitValue() == 3 ? ", out of memory" : "");
    }

    /**
     * The status of {@code GET /health}, or an exception if it did not answer within
     * {@code bound}.
     */
    public int health(Duration bound) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .timeout(bound).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The value of an unlabelled meter on {@code /metrics} (Prometheus text), such as
     * {@code zocket_actors_live}.
     */
    public double metric(String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new IOException("No meter " + name + " on /metrics"));
    }

    /** Live heap after full collections, as the child measures it; fails if it does not answer in 20 s. */
    public long liveHeapBytes() throws IOException {
        return Long.parseLong(ask("heap"));
    }

    /** How many times the throwing factory ran. */
    public long factoryRuns() throws IOException {
        return Long.parseLong(ask("factory-runs"));
    }

    private synchronized String ask(String command) throws IOException {
        if (controlBroken) {
            throw new IOException("The control channel broke on an earlier question");
        }
        control.println(command);
        String answer = readLine(Duration.ofSeconds(20));
        if (answer == null) {
            throw new IOException("The child server did not answer '" + command + "' (" + exitDescription() + ")");
        }
        if (answer.startsWith("Terminating due to")) {
            throw new IOException("The child server ran out of memory: " + answer);
        }
        return answer;
    }

    private String readLine(Duration bound) throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            return line.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            controlBroken = true;
            return null;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Everything the child has logged so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        control.close();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans up
        }
    }
}
