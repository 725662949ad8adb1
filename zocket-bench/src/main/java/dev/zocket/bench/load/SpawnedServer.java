package dev.zocket.bench.load;

import dev.zocket.bench.BenchServer;
import dev.zocket.bench.ServerMemory;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The bench server in a child JVM, started from this JVM's class path: the load generator's
 * threads and garbage do not disturb it, and its memory can be read on its own.
 */
final class SpawnedServer implements ServerTarget {

    private final Process process;
    private final BufferedReader output;
    private final PrintWriter input;
    private final String url;

    SpawnedServer() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchServer.class.getName());
        command.add("--port");
        command.add("0");
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = output.readLine();
        if (first == null || !first.startsWith("ws://")) {
            process.destroyForcibly();
            throw new IOException("The bench server did not start (" + first + "); is "
                    + BenchServer.class.getName() + " on the class path? Run from zocket-bench/target/benchmarks.jar.");
        }
        url = first;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String kind() {
        return "spawned";
    }

    @Override
    public synchronized Optional<ServerMemory> memory() {
        input.println("memory");
        try {
            String answer = output.readLine();
            return answer == null ? Optional.empty()
                    : Optional.of(JsonCodec.standard().decode(JsonCodec.standard().parse(answer), JsonType.of(ServerMemory.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<ProcessStats.CpuTimes> cpuTimes() {
        return ProcessStats.cpuTimes(process.pid());
    }

    @Override
    public Optional<Duration> cpuTime() {
        Optional<Duration> fromProc = ServerTarget.super.cpuTime();
        return fromProc.isPresent() ? fromProc : process.info().totalCpuDuration();
    }

    @Override
    public Map<String, Duration> cpuByThread() {
        return ProcessStats.cpuByThread(process.pid());
    }

    @Override
    public OptionalLong residentBytes() {
        return ProcessStats.residentBytes(process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
