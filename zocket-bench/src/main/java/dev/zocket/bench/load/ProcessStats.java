package dev.zocket.bench.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What Linux's {@code /proc} tells about another process: its CPU time split into user and
 * system (kernel) time, and its resident set size. Empty where there is no {@code /proc}.
 */
final class ProcessStats {

    /** {@code /proc/[pid]/stat} counts in clock ticks; 100 a second on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    /** User and system CPU time a process has used so far. */
    record CpuTimes(Duration user, Duration system) {}

    private ProcessStats() {}

    static Optional<CpuTimes> cpuTimes(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<CpuTimes> parse(String stat) {
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
        return Optional.of(new CpuTimes(ticks(fields[11]), ticks(fields[12])));
    }

    /**
     * CPU time (user and system) of each of the process's live threads, summed by name with any
     * trailing number dropped ({@code zocket-io-0} and {@code zocket-io-1} count as {@code
     * zocket-io}), so the JIT compiler, the garbage collector and each pool are told apart.
     * Threads that ended are missing.
     */
    static Map<String, Duration> cpuByThread(long pid) {
        Map<String, Duration> byName = new TreeMap<>();
        File[] tasks = new File("/proc/" + pid + "/task").listFiles();
        if (tasks == null) {
            return byName;
        }
        for (File task : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).strip()
                        .replaceAll("[-#_ ]*[0-9]+$", "");
                Optional<CpuTimes> times = parse(Files.readString(task.toPath().resolve("stat")));
                times.ifPresent(t -> byName.merge(name, t.user().plus(t.system()), Duration::plus));
            } catch (IOException | RuntimeException ended) {
                // the thread ended while we looked
            }
        }
        return byName;
    }

    static OptionalLong residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static Duration ticks(String field) {
        return Duration.ofMillis(Long.parseLong(field) * 1000 / TICKS_PER_SECOND);
    }
}
