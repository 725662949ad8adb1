package dev.zocket.bench.load;

import dev.zocket.bench.BenchServer;
import dev.zocket.bench.ServerMemory;
import dev.zocket.server.ZocketServer;
import java.io.IOException;
import java.util.Optional;

/**
 * The bench server in the load generator's own JVM, on a free port: quick to start, for smoke
 * tests. Client and server share the CPU and the heap, so its memory figure includes the clients.
 */
final class InProcessServer implements ServerTarget {

    private final ZocketServer server;

    InProcessServer() throws IOException {
        server = BenchServer.start("127.0.0.1", 0, null);
    }

    @Override
    public String url() {
        return server.url();
    }

    @Override
    public String kind() {
        return "in-process";
    }

    @Override
    public Optional<ServerMemory> memory() {
        return Optional.of(ServerMemory.measure());
    }

    @Override
    public void close() {
        server.stop();
    }
}
