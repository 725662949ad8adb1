package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ClientMessage;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code withBaseVersion(v)}: calls that carry a base version, and the conflict that names the current one. */
@Timeout(30)
class ConditionalCallTest {

    private static final ProtocolCodec PROTOCOL = ProtocolCodec.standard();

    private static RpcCall rpc(String text) {
        return assertInstanceOf(RpcCall.class,
                ((ParseResult.Parsed<ClientMessage>) PROTOCOL.parseClientMessage(text)).message());
    }

    @Test
    void theBaseVersionGoesOnTheWireAndTheConflictsVersionReachesTheCaller() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "cas");
            CompletableFuture<Integer> conditional = counter.withBaseVersion(7).add(new Counter.By(2));
            RpcCall call = rpc(server.next());
            assertEquals(OptionalLong.of(7), call.baseVersion());
            assertEquals("add", call.method());

            server.send(PROTOCOL.encodeToString(RpcResult.versionConflict(call.id(), "State is at version 9, not 7", 9)));
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> conditional.get(10, TimeUnit.SECONDS));
            RpcException conflict = assertInstanceOf(RpcException.class, failed.getCause());
            assertEquals(ErrorCode.CONFLICT, conflict.code());
            assertEquals("State is at version 9, not 7", conflict.getMessage());
            assertEquals(OptionalLong.of(9), conflict.version());
        }
    }

    @Test
    void aPlainCallHasNoBaseVersionAndOtherErrorsNoVersion() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "cas");
            CompletableFuture<Integer> plain = counter.increment();
            RpcCall call = rpc(server.next());
            assertEquals(OptionalLong.empty(), call.baseVersion());
            assertEquals("{\"type\":\"rpc\",\"id\":\"" + call.id() + "\",\"actor\":\"counter\",\"actorId\":\"cas\","
                    + "\"method\":\"increment\",\"idempotencyKey\":\"" + call.idempotencyKey() + "\"}",
                    PROTOCOL.encodeToString(call), "only the key is added to an ordinary call");

            server.send(PROTOCOL.encodeToString(RpcResult.failure(call.id(), ErrorCode.CONFLICT, "Need 2 players")));
            ExecutionException failed = assertThrows(ExecutionException.class, () -> plain.get(10, TimeUnit.SECONDS));
            assertEquals(OptionalLong.empty(), ((RpcException) failed.getCause()).version());
        }
    }

    @Test
    void theConditionalHandleSharesTheStateAndClosingItReleasesNothing() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "cas");
            CompletableFuture<Counter.State> first = new CompletableFuture<>();
            counter.state().subscribe(first::complete);
            server.next();
            server.send("{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"cas\",\"state\":{\"count\":3,"
                    + "\"online\":[]},\"version\":5}");
            first.get(10, TimeUnit.SECONDS);

            CounterHandle conditional = counter.withBaseVersion(counter.state().version().orElseThrow());
            assertSame(counter.state(), conditional.state());
            assertEquals(OptionalLong.of(5), conditional.state().version());
            conditional.close();
            conditional.withBaseVersion(6).increment();
            assertEquals(OptionalLong.of(6), rpc(server.next()).baseVersion(),
                    "the subscription stayed; the next message is the call, not state:unsub");
            assertEquals(3, counter.state().snapshot().orElseThrow().count());
            assertThrows(IllegalArgumentException.class, () -> counter.withBaseVersion(-1));
        }
    }
}
