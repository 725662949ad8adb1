package dev.zocket.hostile;

import dev.zocket.hostile.wire.WsSocket;
import dev.zocket.json.JsonCodec;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A well-behaved client that calls {@code counter.increment} on an instance of its own, one call
 * at a time, and times each call: the neighbour every attack must leave unharmed.
 */
public final class InnocentClient implements AutoCloseable {

    /** How long one call may take before it counts as failed. */
    public static final int CALL_BOUND_MILLIS = 5_000;

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final AtomicLong IDS = new AtomicLong();

    private final WsSocket socket;
    private final String counterId;

    private InnocentClient(WsSocket socket, String counterId) {
        this.socket = socket;
        this.counterId = counterId;
    }

    public static InnocentClient connect(int port) throws IOException {
        WsSocket socket = WsSocket.connect(port);
        socket.setReadTimeout(CALL_BOUND_MILLIS);
        String welcome = socket.readText();
        if (!welcome.contains("\"welcome\"")) {
            throw new IOException("Expected a welcome, got " + welcome);
        }
        return new InnocentClient(socket, "innocent-" + IDS.incrementAndGet());
    }

    /**
     * Makes one call and returns its latency in nanoseconds; throws if it fails, or takes longer
     * than {@link #CALL_BOUND_MILLIS}.
     */
    public long timedCall() throws IOException {
        String id = "innocent_" + IDS.incrementAndGet();
        long start = System.nanoTime();
        socket.sendText("{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"counter\",\"actorId\":\"" + counterId
                + "\",\"method\":\"increment\"}");
        while (true) {
            JsonNode message = JSON.parse(socket.readText());
            if (message.path("type").asString().equals("rpc:result") && message.path("id").asString().equals(id)) {
                long elapsed = System.nanoTime() - start;
                if (message.has("error")) {
                    throw new IOException("The innocent call failed: " + message);
                }
                if (elapsed > CALL_BOUND_MILLIS * 1_000_000L) {
                    throw new IOException("The innocent call took " + elapsed / 1_000_000 + " ms");
                }
                return elapsed;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
