package dev.zocket.bench.load;

import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.ZocketClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many {@link ZocketClient}s in one JVM. They share one HTTP client (one selector thread) and a
 * small callback pool, so a connection costs memory, not a thread. Reconnection is off: a
 * dropped connection counts as a failure instead of hiding in a retry.
 */
final class ClientPool implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<ZocketClient> clients;
    private final int failed;
    private final double secondsToOpen;

    private ClientPool(List<ZocketClient> clients, int failed, double secondsToOpen) {
        this.clients = clients;
        this.failed = failed;
        this.secondsToOpen = secondsToOpen;
    }

    /**
     * Opens {@code count} connections, at most {@code concurrency} handshakes at a time, and waits
     * until each has opened or failed. Each successful handshake's time goes into {@code latency}.
     */
    static ClientPool open(String url, int count, int concurrency, Latency latency) throws InterruptedException {
        List<ZocketClient> opened = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger failures = new AtomicInteger();
        Semaphore handshakes = new Semaphore(concurrency);
        CountDownLatch settled = new CountDownLatch(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            handshakes.acquire();
            long began = System.nanoTime();
            ZocketClient client = ZocketClient.builder(url)
                    .reconnect(false)
                    .connectTimeout(TIMEOUT)
                    .rpcTimeout(TIMEOUT)
                    .build();
            client.ready().whenComplete((ignored, failure) -> {
                if (failure == null) {
                    latency.record(System.nanoTime() - began);
                    opened.add(client);
                } else {
                    failures.incrementAndGet();
                    client.close();
                }
                handshakes.release();
                settled.countDown();
            });
        }
        settled.await();
        return new ClientPool(List.copyOf(opened), failures.get(), (System.nanoTime() - start) / 1e9);
    }

    List<ZocketClient> clients() {
        return clients;
    }

    int failed() {
        return failed;
    }

    double secondsToOpen() {
        return secondsToOpen;
    }

    int stillConnected() {
        return (int) clients.stream().filter(client -> client.status() == ConnectionStatus.CONNECTED).count();
    }

    @Override
    public void close() {
        clients.forEach(ZocketClient::close);
    }
}
