package dev.zocket.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zocket.testkit.chat.Chat;
import dev.zocket.testkit.chat.ChatActor;
import dev.zocket.testkit.chat.ChatBinding;
import dev.zocket.testkit.chat.ChatHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ZocketTestKitExtensionTest {

    @RegisterExtension
    final ZocketTestKitExtension zocket = ZocketTestKitExtension.of(kit -> kit.actor(Chat.class, ChatActor::new));

    @Test
    void injectsTheKitAndANewClientPerParameter(ZocketTestKit kit, TestClient alice, TestClient bob) {
        assertSame(zocket.kit(), kit);
        assertNotEquals(alice.clientId().orElseThrow(), bob.clientId().orElseThrow());
        ChatHandle.of(alice, "room").send(new Chat.Send("hi")).join();
        assertEquals(1, kit.state(ChatBinding.INSTANCE, "room").orElseThrow().messages().size());
    }

    @Test
    void eachTestGetsAFreshKit(ZocketTestKit kit) {
        assertEquals(0, kit.metrics().liveInstances(), "nothing left over from another test");
    }
}
