package dev.zocket.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.server.AuthenticationException;
import dev.zocket.server.HandshakeRequest;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.testkit.chat.Chat;
import dev.zocket.testkit.chat.ChatActor;
import dev.zocket.testkit.chat.ChatHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The kit is configured with the server's own builder methods, and they take effect the same way. */
class KitConfigurationTest {

    @Test
    void aLimitSetOnTheKitAnswersAsOnAServer() {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(Chat.class, ChatActor::new).maxActorIdLength(4).build()) {
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> ChatHandle.of(kit.newClient(), "lobby").send(new Chat.Send("hi")).join());
            RpcException error = assertInstanceOf(RpcException.class, failure.getCause());
            assertEquals("Actor id is too long: the limit is 4 characters", error.getMessage());
            assertEquals(ErrorCode.BAD_REQUEST, error.code());
            assertEquals(0, kit.metrics().liveInstances(), "no instance for a rejected call");
        }
    }

    @Test
    void settersApplyOnTopOfReplacedLimits() {
        ServerLimits shortLived = ServerLimits.builder().idleTimeout(Duration.ofSeconds(5)).maxActorIdLength(4).build();
        try (ZocketTestKit kit = ZocketTestKit.builder()
                .actor(Chat.class, ChatActor::new)
                .limits(shortLived)
                .maxActorIdLength(64)
                .build()) {
            TestClient alice = kit.newClient();
            ChatHandle.of(alice, "general").send(new Chat.Send("hi")).join();
            alice.disconnect();
            assertTrue(kit.isLive("chat", "general"));

            kit.advance(Duration.ofSeconds(10));

            assertFalse(kit.isLive("chat", "general"), "the idle timeout of limits(...) applies");
        }
    }

    @Test
    void aNewTestClientHasItsIdAtOnce() {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(Chat.class, ChatActor::new).build()) {
            Optional<String> alice = kit.newClient().clientId();
            Optional<String> bob = kit.newClient().clientId();
            assertTrue(alice.isPresent(), "the welcome arrived before newClient() returned");
            assertNotEquals(alice, bob);
        }
    }

    @Test
    void theAuthenticatorDecidesWhoATestClientIs() {
        try (ZocketTestKit kit = ZocketTestKit.builder()
                .authenticator(request -> request.queryParameter("token")
                        .map(token -> Principal.user(token, Map.of("role", token.equals("ann") ? "admin" : "user")))
                        .orElseThrow(() -> new AuthenticationException("no token")))
                .actor(Chat.class, ChatActor::new, call -> {
                    if (call.method().equals("clear") && !"admin".equals(call.caller().claims().get("role"))) {
                        throw RpcException.forbidden("Admins only");
                    }
                })
                .build()) {
            ChatHandle asAnn = ChatHandle.of(kit.newClient(handshake("ann")), "general");
            ChatHandle asBob = ChatHandle.of(kit.newClient(handshake("bob")), "general");

            asAnn.clear().join();
            CompletionException refused = assertThrows(CompletionException.class, () -> asBob.clear().join());
            assertEquals("Admins only", refused.getCause().getMessage());
            AuthenticationException noToken = assertThrows(AuthenticationException.class,
                    () -> kit.newClient(new HandshakeRequest("/", Map.of(), Map.of(), null)));
            assertEquals("no token", noToken.getMessage());
        }
    }

    private static HandshakeRequest handshake(String token) {
        return new HandshakeRequest("/", Map.of("token", List.of(token)), Map.of(), null);
    }
}
