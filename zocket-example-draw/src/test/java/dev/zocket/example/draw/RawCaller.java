package dev.zocket.example.draw;

import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.RpcResult;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Sends the draw actor raw JSON input, as a browser does, through a kit client; the typed
 * handle could not even express most malformed inputs.
 */
final class RawCaller {

    private final ZocketTestKit kit;
    private final TestClient client;

    RawCaller(ZocketTestKit kit) {
        this.kit = kit;
        this.client = kit.newClient();
    }

    /** Calls {@code method} with {@code input} (JSON text, or null for none) on room "room". */
    RpcResult call(String method, String input) {
        return callAs(client, method, input);
    }

    /** Joins a second player on its own connection, so a round can start. */
    void asSecondPlayer(String joinInput) {
        callAs(kit.newClient(), "join", joinInput);
    }

    private RpcResult callAs(TestClient as, String method, String input) {
        int before = as.received().size();
        try {
            as.handle(RawHandle.FACTORY, "room").call(method,
                    input == null ? null : JsonCodec.standard().parse(input)).join();
        } catch (CompletionException expected) {
            // the result is read from what the client received
        }
        List<RpcResult> results = as.received().subList(before, as.received().size()).stream()
                .filter(RpcResult.class::isInstance).map(RpcResult.class::cast).toList();
        return results.get(results.size() - 1);
    }
}
