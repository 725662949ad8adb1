package dev.zocket.bench.load;

import dev.zocket.bench.ServerMemory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A server started by a shell command of the user's choice, which must print its WebSocket URL
 * ({@code ws://...}) on a line of its own before serving: the bench server under other JVM options, or another
 * implementation of the protocol (the original Zocket on Bun, see {@code compare-original.sh}).
 * Its CPU time and resident size are read from {@code /proc}; its heap is not known.
 */
final class CommandServer implements ServerTarget {

    private final Process process;
    private final String url;
    private final String kind;

    CommandServer(String command) throws IOException {
        // exec: the shell becomes the server, so its process is the one measured.
        process = new ProcessBuilder(List.of("sh", "-c", "exec " + command))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        while (line != null && !line.startsWith("ws://")) {
            System.err.println(line); // what the runtime prints first (a JFR recording starting, say)
            line = output.readLine();
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("The server command ended without printing its ws:// URL: " + command);
        }
        url = line.strip();
        kind = "command";
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // keeps the server from blocking on a full pipe
                }
            } catch (IOException ended) {
                // the server exited
            }
        }, "server-output");
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<ServerMemory> memory() {
        long resident = ProcessStats.residentBytes(process.pid()).orElse(-1);
        return Optional.of(new ServerMemory(-1, resident));
    }

    @Override
    public Optional<ProcessStats.CpuTimes> cpuTimes() {
        return ProcessStats.cpuTimes(process.pid());
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
