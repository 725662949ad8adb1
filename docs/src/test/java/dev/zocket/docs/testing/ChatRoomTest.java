package dev.zocket.docs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.docs.chat.ChatRoomBinding;
import dev.zocket.docs.chat.ChatRoomHandle;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import dev.zocket.testkit.ZocketTestKitExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// tag::extension[]
class ChatRoomTest {

    @RegisterExtension
    final ZocketTestKitExtension zocket = ZocketTestKitExtension.of(kit -> kit.actor(ChatRoom.class, ChatRoomActor::new));

    @Test
    void membersSeeEachOthersMessages(TestClient alice, TestClient bob) {
        ChatRoomHandle aliceRoom = ChatRoomHandle.of(alice, "general");
        ChatRoomHandle bobRoom = ChatRoomHandle.of(bob, "general");
        List<ChatRoom.Message> received = new ArrayList<>();
        bobRoom.onNewMessage(received::add);

        aliceRoom.sendMessage(new ChatRoom.Send("hello")).join();

        assertEquals(List.of(
                new ChatRoom.Message("server", alice.clientId().orElseThrow() + " joined"),   // from onConnect
                new ChatRoom.Message(alice.clientId().orElseThrow(), "hello")), received);
    }
    // end::extension[]

    // tag::inspect[]
    @Test
    void invalidMessagesAreRejectedAndLeaveTheStateAlone(ZocketTestKit kit, TestClient alice) {
        ChatRoomHandle room = ChatRoomHandle.of(alice, "general");
        room.sendMessage(new ChatRoom.Send("hello")).join();

        CompletionException failure = assertThrows(CompletionException.class,
                () -> room.sendMessage(new ChatRoom.Send("")).join());

        RpcException error = assertInstanceOf(RpcException.class, failure.getCause());
        assertEquals("Validation failed for sendMessage: [text: must not be blank]", error.getMessage());
        assertEquals(ErrorCode.BAD_REQUEST, alice.errors().get(0).code());
        assertEquals(1, kit.state(ChatRoomBinding.INSTANCE, "general").orElseThrow().messages().size());
    }
    // end::inspect[]

    // tag::plain[]
    @Test
    void worksWithoutTheExtensionToo() {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(ChatRoom.class, ChatRoomActor::new).build()) {
            TestClient alice = kit.newClient();
            ChatRoomHandle room = ChatRoomHandle.of(alice, "general");
            room.state().subscribe(state -> {});

            ChatRoom.Sent sent = room.sendMessage(new ChatRoom.Send("hi")).join();

            assertEquals(0, sent.index());
            assertEquals(1, room.state().snapshot().orElseThrow().messages().size());
            assertEquals("[{\"op\":\"add\",\"path\":\"/messages/-\",\"value\":{\"from\":\"" + alice.clientId().orElseThrow()
                    + "\",\"text\":\"hi\"}}]", dev.zocket.json.JsonPatch.of(alice.patches().get(0).patches()).toString());
        }
    }
    // end::plain[]
}
