package dev.zocket.bench.load;

import dev.zocket.bench.ServerMemory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The server a scenario runs against, and what can be learnt about its memory. */
interface ServerTarget extends AutoCloseable {

    /** The WebSocket URL clients connect to. */
    String url();

    /** How the server runs: {@code spawned}, {@code in-process} or the URL of a remote one. */
    String kind();

    /** Live heap after a collection and resident size, where the server can be asked. */
    Optional<ServerMemory> memory();

    /** User and system CPU time the server process has used so far, where /proc tells. */
    default Optional<ProcessStats.CpuTimes> cpuTimes() {
        return Optional.empty();
    }

    /** CPU time used so far by each group of the server's threads, where /proc tells (else empty). */
    default Map<String, Duration> cpuByThread() {
        return Map.of();
    }

    /** CPU time the server process has used so far, where it runs apart from the generator. */
    default Optional<Duration> cpuTime() {
        return cpuTimes().map(times -> times.user().plus(times.system()));
    }

    /** The server process's resident set size now, without collecting garbage, where /proc tells. */
    default OptionalLong residentBytes() {
        return OptionalLong.empty();
    }

    @Override
    void close();

    /** A server someone else started; its memory is not known here. */
    static ServerTarget remote(String url) {
        return new ServerTarget() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String kind() {
                return url;
            }

            @Override
            public Optional<ServerMemory> memory() {
                return Optional.empty();
            }

            @Override
            public void close() {}
        };
    }
}
