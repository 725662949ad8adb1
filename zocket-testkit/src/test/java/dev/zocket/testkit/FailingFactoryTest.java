package dev.zocket.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.testkit.chat.Chat;
import dev.zocket.testkit.chat.ChatActor;
import dev.zocket.testkit.chat.ChatBinding;
import dev.zocket.testkit.chat.ChatHandle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A factory that throws fails the call that needed it, once, with a generic {@code internal_error};
 * it is tried again on the next call and not before. The kit once spun forever on this.
 */
@Timeout(30)
class FailingFactoryTest {

    @Test
    void aThrowingFactoryFailsEachCallOnceAndRecoversWhenItStopsThrowing() {
        AtomicInteger attempts = new AtomicInteger();
        try (ZocketTestKit kit = ZocketTestKit.builder()
                .actor(ChatBinding.INSTANCE, context -> {
                    if (attempts.incrementAndGet() <= 2) {
                        throw new IllegalStateException("database password is hunter2");
                    }
                    return new ChatActor(context);
                })
                .build()) {
            ChatHandle lobby = ChatHandle.of(kit.newClient(), "lobby");
            for (int call = 1; call <= 2; call++) {
                CompletionException failure = assertThrows(CompletionException.class,
                        () -> lobby.send(new Chat.Send("hi")).join());
                RpcException error = assertInstanceOf(RpcException.class, failure.getCause());
                assertEquals(ErrorCode.INTERNAL_ERROR, error.code());
                assertTrue(error.getMessage().startsWith("Internal server error (error id "), error.getMessage());
                assertFalse(error.getMessage().contains("hunter2"), "the exception's message stays in the log");
                assertEquals(call, attempts.get(), "one attempt per call, no retry loop");
                assertEquals(0, kit.metrics().liveInstances());
                assertFalse(kit.isLive("chat", "lobby"));
            }
            lobby.send(new Chat.Send("hi")).join();
            assertEquals(3, attempts.get());
            assertTrue(kit.isLive("chat", "lobby"));
        }
    }
}
