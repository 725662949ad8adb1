package dev.zocket.docs.firstrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare WebSocket connection, speaking the wire protocol by hand: what a client written for the
 * original library sees, with no Zocket code in between.
 */
public final class WebSocketProbe implements AutoCloseable {

    private final WebSocket socket;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Object arrival = new Object();

    private WebSocketProbe(URI uri, Duration timeout) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(uri, new Collector())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to {@code uri}, failing after {@code timeout}. */
    public static WebSocketProbe connect(URI uri, Duration timeout) throws Exception {
        return new WebSocketProbe(uri, timeout);
    }

    /** Sends one text frame. */
    public void send(String message) throws Exception {
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
    }

    /**
     * Waits until every one of {@code conditions} has held for some message received so far
     * (not necessarily the same one); fails with the messages seen after {@code timeout}.
     */
    public void awaitAll(String what, List<Predicate<String>> conditions, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrival) {
            while (!conditions.stream().allMatch(condition -> messages.stream().anyMatch(condition))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + what + " within " + timeout + "; received:\n"
                            + String.join("\n", messages));
                }
                TimeUnit.NANOSECONDS.timedWait(arrival, left);
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
                synchronized (arrival) {
                    arrival.notifyAll();
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
