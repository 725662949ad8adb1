package dev.zocket.docs.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.docs.chat.ChatRoomHandle;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeTest {

    @Test
    void idleRoomsLeaveMemoryAfterTheIdleTimeout() {
        // tag::time[]
        ZocketTestKit kit = ZocketTestKit.builder()
                .actor(ChatRoom.class, ChatRoomActor::new)
                .idleTimeout(Duration.ofSeconds(60))
                .build();
        TestClient alice = kit.newClient();
        ChatRoomHandle.of(alice, "general").sendMessage(new ChatRoom.Send("hi")).join();
        alice.disconnect();                       // runs onDisconnect

        kit.advance(Duration.ofMinutes(2));       // timers, passivation, client timeouts fall due

        assertFalse(kit.isLive("chat", "general"));
        // end::time[]
        assertTrue(kit.metrics().liveInstances() == 0);
        kit.close();
    }
}
