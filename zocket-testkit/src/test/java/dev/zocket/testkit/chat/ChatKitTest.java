package dev.zocket.testkit.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.json.JsonPatch;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.StatePatch;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chat actor, tested only with the kit: no server, no sockets, no sleeps. */
class ChatKitTest {

    private final ZocketTestKit kit = ZocketTestKit.builder()
            .actor(Chat.class, ChatActor::new, call -> {
                if (call.method().equals("clear") && !"admin".equals(call.caller().claims().get("role"))) {
                    throw RpcException.forbidden("Admins only");
                }
            })
            .idleTimeout(Duration.ofSeconds(60))
            .build();

    @AfterEach
    void close() {
        kit.close();
    }

    private Chat.State state(String room) {
        return kit.state(ChatBinding.INSTANCE, room).orElseThrow();
    }

    @Test
    void aCallReturnsWithEverythingItCausedAlreadyDone() {
        TestClient alice = kit.newClient();
        ChatHandle room = ChatHandle.of(alice, "general");

        CompletableFuture<Chat.Sent> sent = room.send(new Chat.Send("hi"));

        assertTrue(sent.isDone(), "no waiting in the kit");
        assertEquals(0, sent.join().index());
        assertEquals(List.of(new Chat.Message(alice.clientId().orElseThrow(), "hi")), state("general").messages());
    }

    @Test
    void membersSeeEachOthersMessagesAndTheSharedState() {
        TestClient alice = kit.newClient();
        TestClient bob = kit.newClient();
        ChatHandle aliceRoom = ChatHandle.of(alice, "general");
        ChatHandle bobRoom = ChatHandle.of(bob, "general");
        List<Chat.Message> bobSaw = new ArrayList<>();
        bobRoom.onMessage(bobSaw::add);
        List<Chat.State> bobStates = new ArrayList<>();
        bobRoom.state().subscribe(bobStates::add);

        aliceRoom.send(new Chat.Send("hello bob")).join();

        Chat.Message sent = new Chat.Message(alice.clientId().orElseThrow(), "hello bob");
        assertEquals(List.of(sent), bobSaw);
        assertEquals(List.of(sent), bob.events("message", Chat.Message.class), "what arrived on the wire");
        assertEquals(List.of(sent), bobRoom.state().snapshot().orElseThrow().messages());
        assertEquals(List.of(bob.clientId().orElseThrow(), alice.clientId().orElseThrow()), bobStates.get(bobStates.size() - 1).online());
        assertTrue(alice.events("message", Chat.Message.class).isEmpty(), "alice never subscribed to events");
        StatePatch last = bob.patches().get(bob.patches().size() - 1);
        assertEquals("[{\"op\":\"add\",\"path\":\"/messages/-\",\"value\":{\"from\":\"" + alice.clientId().orElseThrow()
                + "\",\"text\":\"hello bob\"}}]", JsonPatch.of(last.patches()).toString());
    }

    @Test
    void invalidInputFailsWithTheSameMessageAsOverTheNetwork() {
        TestClient alice = kit.newClient();
        ChatHandle room = ChatHandle.of(alice, "general");

        CompletionException failure = assertThrows(CompletionException.class, () -> room.send(new Chat.Send(" ")).join());

        RpcException error = assertInstanceOf(RpcException.class, failure.getCause());
        assertEquals("Validation failed for send: [text: must not be blank]", error.getMessage());
        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        RpcResult onTheWire = alice.errors().get(0);
        assertEquals(ErrorCode.BAD_REQUEST, onTheWire.code());
        assertFalse(kit.isLive("chat", "general"), "a call with invalid input creates no instance");
    }

    @Test
    void middlewareSeesTheClaimsOfEachSimulatedClient() {
        ChatHandle asUser = ChatHandle.of(kit.newClient("bob", Map.of("role", "user")), "general");
        ChatHandle asAdmin = ChatHandle.of(kit.newClient("ann", Map.of("role", "admin")), "general");
        asUser.send(new Chat.Send("to be cleared")).join();

        CompletionException refused = assertThrows(CompletionException.class, () -> asUser.clear().join());
        assertEquals("Admins only", refused.getCause().getMessage());
        assertEquals(ErrorCode.FORBIDDEN, ((RpcException) refused.getCause()).code());
        asAdmin.clear().join();
        assertTrue(state("general").messages().isEmpty());
    }

    @Test
    void disconnectingRunsOnDisconnect() {
        TestClient alice = kit.newClient();
        TestClient bob = kit.newClient();
        ChatHandle.of(alice, "general").send(new Chat.Send("hi")).join();
        ChatHandle.of(bob, "general").send(new Chat.Send("hi")).join();
        assertEquals(List.of(alice.clientId().orElseThrow(), bob.clientId().orElseThrow()), state("general").online());

        alice.disconnect();

        assertEquals(List.of(bob.clientId().orElseThrow()), state("general").online());
    }

    @Test
    void aDroppedConnectionReconnectsAndResumesItsSubscriptionWithPatches() {
        TestClient alice = kit.newClient();
        ChatHandle room = ChatHandle.of(alice, "general");
        room.state().subscribe(state -> {});
        String before = alice.clientId().orElseThrow();
        int snapshotsBefore = alice.snapshots().size();
        int patchesBefore = alice.patches().size();

        alice.dropConnection();

        assertNotEquals(before, alice.clientId().orElseThrow(), "a new connection, a new id");
        assertEquals(snapshotsBefore, alice.snapshots().size(), "the subscription resumed from its version");
        assertTrue(alice.patches().size() > patchesBefore, "what changed meanwhile arrived as patches");
        assertEquals(List.of(alice.clientId().orElseThrow()), room.state().snapshot().orElseThrow().online());
        assertEquals(0, room.send(new Chat.Send("still here")).join().index());
    }

    @Test
    void timersRunWhenTheTestAdvancesTime() {
        TestClient alice = kit.newClient();
        ChatHandle room = ChatHandle.of(alice, "general");
        List<Chat.Message> seen = new ArrayList<>();
        room.onMessage(seen::add);
        room.remind(new Chat.Reminder("stand up", 60)).join();

        kit.advance(Duration.ofSeconds(59));
        assertTrue(seen.isEmpty());
        kit.advance(Duration.ofSeconds(1));

        assertEquals(List.of(new Chat.Message("reminder", "stand up")), seen);
    }

    @Test
    void idleInstancesArePassivatedWhenTimePasses() {
        TestClient alice = kit.newClient();
        ChatHandle.of(alice, "general").send(new Chat.Send("hi")).join();
        alice.disconnect();
        assertTrue(kit.isLive("chat", "general"));

        kit.advance(Duration.ofMinutes(2));

        assertFalse(kit.isLive("chat", "general"));
        assertEquals(0, kit.metrics().liveInstances());
    }

    @Test
    void callTimeoutsFireInKitTime() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        ZocketTestKit slow = ZocketTestKit.builder()
                .actor(Chat.class, ChatActor::new, call -> call.put(ChatActor.Gate.class, new ChatActor.Gate(gate)))
                .rpcTimeout(Duration.ofSeconds(2))
                .build();
        try {
            CompletableFuture<Void> held = ChatHandle.of(slow.newClient(), "general").hold();
            slow.advance(Duration.ofMillis(1999));
            assertFalse(held.isDone());
            slow.advance(Duration.ofMillis(1));
            RpcException timeout = assertInstanceOf(RpcException.class,
                    assertThrows(CompletionException.class, held::join).getCause());
            assertEquals("RPC \"hold\" timed out after 2000ms", timeout.getMessage());
            assertEquals(ErrorCode.TIMEOUT, timeout.code());
        } finally {
            gate.complete(null);
            slow.close();
        }
    }

    @Test
    void releasedHandlesKeepTheirSubscriptionsUntilTheGracePeriodEnds() {
        TestClient alice = kit.newClient();
        ChatHandle first = ChatHandle.of(alice, "general");
        first.state().subscribe(state -> {});
        assertEquals(1, kit.metrics().subscriptions());

        first.close();
        ChatHandle second = ChatHandle.of(alice, "general");
        kit.advance(Duration.ofSeconds(1));
        assertEquals(1, kit.metrics().subscriptions(), "re-acquired within the grace period");

        second.close();
        kit.advance(Duration.ofMillis(100));
        assertEquals(0, kit.metrics().subscriptions(), "unsubscribed once the grace period passed");
    }
}
