package dev.zocket.docs.firstrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A started command whose output is read as it comes, so a test can wait for a line with a bound
 * and stop the command (with every process it started) when done.
 */
public final class RunningCommand implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String commandLine;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Object arrival = new Object();
    private volatile boolean ended;

    RunningCommand(String commandLine, Process process) {
        this.commandLine = commandLine;
        this.process = process;
        Thread reader = new Thread(this::readOutput, "output of " + commandLine);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Waits until {@code match} finds something in a line of output, and returns it; fails, with
     * the output so far, if the command ends or {@code timeout} passes first.
     */
    public <T> T await(String what, Function<String, Optional<T>> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        synchronized (arrival) {
            while (true) {
                for (; checked < lines.size(); checked++) {
                    Optional<T> found = match.apply(withoutColour(lines.get(checked)));
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("'" + commandLine + "' " + (ended ? "ended" : "ran " + timeout)
                            + " without printing " + what + ":\n" + output());
                }
                TimeUnit.NANOSECONDS.timedWait(arrival, left);
            }
        }
    }

    /** Waits for the command to end by itself and returns its exit code; fails after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("'" + commandLine + "' still runs after " + timeout + ":\n" + output());
        }
        awaitOutputEnd();
        return process.exitValue();
    }

    /**
     * Asks the command and every process it started to stop (SIGTERM, so shutdown hooks run) and
     * waits for them; returns whether they all ended within the bound. Whatever still runs then
     * is killed.
     */
    public boolean stop() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        boolean stopped = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (ProcessHandle child : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                child.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                stopped = false;
            }
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return stopped;
    }

    /** Everything printed so far, without colour codes, one line per line. */
    public String output() {
        return String.join("\n", lines.stream().map(RunningCommand::withoutColour).toList());
    }

    /** Stops the command if it still runs; a test that failed half-way leaves nothing behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                synchronized (arrival) {
                    arrival.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            synchronized (arrival) {
                ended = true;
                arrival.notifyAll();
            }
        }
    }

    private void awaitOutputEnd() throws InterruptedException {
        synchronized (arrival) {
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            while (!ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(arrival, left);
            }
        }
    }

    /** Maven resets the terminal colour around a plugin's output even when told not to colour. */
    static String withoutColour(String line) {
        return line.replaceAll("\u001B\\[[;\\d]*m", "");
    }
}
