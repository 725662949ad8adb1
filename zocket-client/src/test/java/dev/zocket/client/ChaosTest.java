package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Notes;
import dev.zocket.server.fixtures.NotesHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly-once calls under a network that keeps failing: 10,000 calls from 20 clients go through
 * a proxy that cuts a random connection every few milliseconds, and every call that succeeded is
 * applied exactly once, none that failed is applied at all. Each call appends its own id to a
 * list, so "once" is checked call by call, not as a total that two mistakes could balance.
 */
@Timeout(300)
class ChaosTest {

    private static final int CLIENTS = 20;
    private static final int CALLS_PER_CLIENT = 500;
    /** Clients go on calling past {@link #CALLS_PER_CLIENT} until the network has failed this often. */
    private static final int MIN_CUTS = 50;
    private static final int MAX_CALLS_PER_CLIENT = 10 * CALLS_PER_CLIENT;
    private static final int IN_FLIGHT_PER_CLIENT = 4;
    private static final int INSTANCES = 4;

    @Test
    void everyCallThroughDroppingConnectionsIsAppliedExactlyOnce() throws Exception {
        long seed = Long.getLong("zocket.chaos.seed", System.nanoTime());
        System.out.println("ChaosTest seed " + seed + " (rerun with -Dzocket.chaos.seed=" + seed + ")");
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        Map<String, Throwable> failed = new ConcurrentHashMap<>();
        // Every outcome is remembered for the whole test: a repeat must be answered from it, not
        // rerun because a fast server had forgotten it (the bound is tested in the server's tests).
        int callsPerInstance = CLIENTS * MAX_CALLS_PER_CLIENT / INSTANCES;
        try (ZocketServer server = TestServer.builder(new Recorder()).maxCallOutcomes(callsPerInstance)
                        .maxCallOutcomeBytes(callsPerInstance * 1_024).start();
                ChaosProxy proxy = new ChaosProxy(server.port())) {
            String url = "ws://127.0.0.1:" + proxy.port();
            List<ZocketClient> clients = new ArrayList<>();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(ZocketClient.builder(url).rpcTimeout(Duration.ofSeconds(120))
                            .reconnectDelay(Duration.ofMillis(10)).heartbeatInterval(Duration.ofSeconds(2)).build());
                }
                proxy.startCutting(seed, 2, 30, 400);
                for (int c = 0; c < CLIENTS; c++) {
                    done.add(callAll(clients.get(c), c, proxy, succeeded, failed));
                }
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(240, TimeUnit.SECONDS);
            } finally {
                clients.forEach(ZocketClient::close);
            }
            System.out.printf("ChaosTest: %d calls succeeded, %d failed, %d connections cut%n", succeeded.size(),
                    failed.size(), proxy.cuts());
            assertTrue(proxy.cuts() >= MIN_CUTS, "the network failed often enough to matter: " + proxy.cuts() + " cuts");

            Map<String, Integer> applied = appliedCalls(server.url());
            List<String> twice = applied.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                    .toList();
            assertEquals(List.of(), firstFew(twice), twice.size() + " calls applied more than once");
            List<String> failedButApplied = failed.keySet().stream().filter(applied::containsKey).toList();
            assertEquals(List.of(), firstFew(failedButApplied), failedButApplied.size()
                    + " calls reported failed that were applied");
            List<String> lost = succeeded.stream().filter(id -> !applied.containsKey(id)).toList();
            assertEquals(List.of(), firstFew(lost), lost.size() + " calls reported successful that were not applied");
            assertEquals(succeeded.size(), applied.size());
            assertEquals(List.of(), firstFew(failed.values().stream().map(Throwable::toString).toList()),
                    failed.size() + " calls failed, although their timeout outlasts the chaos");
        }
    }

    private static List<String> firstFew(List<String> items) {
        return items.subList(0, Math.min(5, items.size()));
    }

    /**
     * Makes one client's calls, a few in flight at a time, recording each outcome by its id; at
     * least {@link #CALLS_PER_CLIENT}, and more while the network has not yet failed often enough.
     */
    private static CompletableFuture<Void> callAll(ZocketClient client, int clientIndex, ChaosProxy proxy,
            Set<String> succeeded, Map<String, Throwable> failed) {
        Semaphore window = new Semaphore(IN_FLIGHT_PER_CLIENT);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        List<NotesHandle> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(NotesHandle.of(client, "chaos-" + i));
        }
        return CompletableFuture.runAsync(() -> {
            for (int n = 0; n < MAX_CALLS_PER_CLIENT && (n < CALLS_PER_CLIENT || proxy.cuts() < MIN_CUTS); n++) {
                String id = "c" + clientIndex + "-" + n;
                NotesHandle notes = instances.get(n % INSTANCES);
                window.acquireUninterruptibly();
                calls.add(notes.edit(new Notes.Edit("add", 0, id)).toCompletableFuture().handle((ignored, error) -> {
                    if (error == null) {
                        succeeded.add(id);
                    } else {
                        failed.put(id, error);
                    }
                    window.release();
                    return null;
                }));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        });
    }

    /** How many times each call id was applied, read from the instances' state over a direct connection. */
    private static Map<String, Integer> appliedCalls(String url) throws Exception {
        Map<String, Integer> applied = new HashMap<>();
        try (ZocketClient reader = ZocketClient.builder(url).build()) {
            for (int i = 0; i < INSTANCES; i++) {
                CompletableFuture<Notes.State> first = new CompletableFuture<>();
                NotesHandle.of(reader, "chaos-" + i).state().subscribe(first::complete);
                for (Notes.Note note : first.get(30, TimeUnit.SECONDS).notes()) {
                    applied.merge(note.text(), 1, Integer::sum);
                }
            }
        }
        return applied;
    }
}
