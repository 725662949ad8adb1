package dev.zocket.testkit.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Two hundred independent actor tests, each with its own kit and two clients, the size of a
 * real application's suite. docs/testing.md records how long they take.
 */
class ChatSuiteTest {

    @TestFactory
    Stream<DynamicTest> twoHundredActorTests() {
        return IntStream.range(0, 200).mapToObj(i -> DynamicTest.dynamicTest("scenario " + i, () -> scenario(i)));
    }

    /** Joins, exchanges a few messages, checks state, events and a validation error. */
    static void scenario(int seed) {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(Chat.class, ChatActor::new).build()) {
            TestClient alice = kit.newClient();
            TestClient bob = kit.newClient();
            ChatHandle aliceRoom = ChatHandle.of(alice, "room-" + seed);
            ChatHandle bobRoom = ChatHandle.of(bob, "room-" + seed);
            List<Chat.Message> bobSaw = new ArrayList<>();
            bobRoom.onMessage(bobSaw::add);
            bobRoom.state().subscribe(state -> {});

            int messages = 1 + seed % 5;
            for (int m = 0; m < messages; m++) {
                assertEquals(m, aliceRoom.send(new Chat.Send("message " + m)).join().index());
            }
            assertEquals(messages, bobSaw.size());
            assertEquals(messages, bobRoom.state().snapshot().orElseThrow().messages().size());
            assertTrue(aliceRoom.send(new Chat.Send("")).isCompletedExceptionally());
            alice.disconnect();
            assertEquals(List.of(bob.clientId().orElseThrow()), kit.state(ChatBinding.INSTANCE, "room-" + seed).orElseThrow().online());
        }
    }
}
