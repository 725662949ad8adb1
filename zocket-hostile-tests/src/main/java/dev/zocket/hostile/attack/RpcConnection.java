package dev.zocket.hostile.attack;

import dev.zocket.hostile.wire.WsSocket;
import dev.zocket.json.JsonCodec;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/** A connection that makes calls and reads their results, for setting attacks up and checking them. */
final class RpcConnection implements AutoCloseable {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final AtomicLong IDS = new AtomicLong();

    final WsSocket socket;

    private RpcConnection(WsSocket socket) {
        this.socket = socket;
    }

    static RpcConnection connect(int port) throws IOException {
        WsSocket socket = WsSocket.connect(port);
        socket.readText(); // welcome
        return new RpcConnection(socket);
    }

    /** Sends a call and returns its id. */
    String send(String actor, String actorId, String method, String input) throws IOException {
        String id = "h_" + IDS.incrementAndGet();
        socket.sendText(Messages.rpc(id, actor, actorId, method, input));
        return id;
    }

    /** Calls and returns the {@code rpc:result}, whether it succeeded or not. */
    JsonNode call(String actor, String actorId, String method, String input) throws IOException {
        return result(send(actor, actorId, method, input));
    }

    /** The {@code rpc:result} of call {@code id}, skipping anything else. */
    JsonNode result(String id) throws IOException {
        while (true) {
            JsonNode message = next();
            if (message.path("type").asString().equals("rpc:result") && message.path("id").asString().equals(id)) {
                return message;
            }
        }
    }

    /**
     * The {@code rpc:result}s of calls {@code ids}, by id, in whatever order they arrive; skips
     * anything else.
     */
    Map<String, JsonNode> results(Collection<String> ids) throws IOException {
        Set<String> awaited = new HashSet<>(ids);
        Map<String, JsonNode> results = new HashMap<>();
        while (!awaited.isEmpty()) {
            JsonNode message = next();
            if (message.path("type").asString().equals("rpc:result") && awaited.remove(message.path("id").asString())) {
                results.put(message.path("id").asString(), message);
            }
        }
        return results;
    }

    /** The next message of {@code type}, skipping others. */
    JsonNode next(String type) throws IOException {
        while (true) {
            JsonNode message = next();
            if (message.path("type").asString().equals(type)) {
                return message;
            }
        }
    }

    JsonNode next() throws IOException {
        return JSON.parse(socket.readText());
    }

    /** The {@code code} of a failed result, or {@code "ok"}. */
    static String outcome(JsonNode result) {
        return result.has("error") ? result.path("code").asString("(no code)") : "ok";
    }

    @Override
    public void close() {
        socket.close();
    }
}
