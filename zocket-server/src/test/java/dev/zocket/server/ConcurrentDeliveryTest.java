package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Eight instances, each on its own actor thread, patch the same connection at once: every patch
 * arrives, and each instance's arrive in version order.
 */
@Timeout(120)
class ConcurrentDeliveryTest {

    private static final int INSTANCES = 8;
    private static final int CALLS = 500;

    @Test
    void patchesFromManyThreadsToOneConnectionAreNeitherLostNorReordered() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient watcher = RawClient.connect(server.url())) {
            Map<String, Long> lastVersion = new HashMap<>();
            for (int i = 0; i < INSTANCES; i++) {
                watcher.subscribe("state:sub", "counter", "busy-" + i);
                JsonNode snapshot = watcher.next("state:snapshot");
                lastVersion.put(snapshot.get("actorId").asString(), snapshot.get("version").asLong());
            }
            List<RawClient> callers = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                callers.add(RawClient.connect(server.url()));
            }
            ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
            List<CompletableFuture<Void>> calling = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                RawClient caller = callers.get(i);
                String instance = "busy-" + i;
                calling.add(CompletableFuture.runAsync(() -> {
                    for (int call = 0; call < CALLS; call++) {
                        try {
                            caller.call("counter", instance, "increment", null);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, threads));
            }
            CompletableFuture.allOf(calling.toArray(CompletableFuture[]::new)).join();
            threads.shutdown();

            int patches = 0;
            while (patches < INSTANCES * CALLS) {
                JsonNode patch = watcher.next("state:patch");
                String instance = patch.get("actorId").asString();
                long version = patch.get("version").asLong();
                assertEquals(lastVersion.get(instance) + 1, version, "patches of " + instance + " in order");
                lastVersion.put(instance, version);
                patches++;
            }
            for (RawClient caller : callers) {
                caller.close();
            }
        }
    }
}
