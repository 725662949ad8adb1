package dev.zocket.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How much memory this JVM holds: live heap after a full collection, and the process's resident
 * set size where the OS tells ({@code /proc/self/status} on Linux).
 *
 * @param heapUsedBytes heap in use after {@link System#gc()}
 * @param residentBytes resident set size, or -1 where unknown
 */
public record ServerMemory(long heapUsedBytes, long residentBytes) {

    /** Collects garbage, then measures. Takes tens of milliseconds on a large heap. */
    public static ServerMemory measure() {
        // Two collections: the first may only queue finalizable and reference-processed objects.
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ServerMemory(heap, residentSetSize().orElse(-1));
    }

    private static OptionalLong residentSetSize() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
