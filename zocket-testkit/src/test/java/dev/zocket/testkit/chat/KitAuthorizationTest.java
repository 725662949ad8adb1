package dev.zocket.testkit.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.server.Authorizer;
import dev.zocket.server.HandshakeRequest;
import dev.zocket.server.Principal;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated callers with claims, checked against the same policy file and authorizers a server uses. */
class KitAuthorizationTest {

    @TempDir
    Path dir;

    private ZocketTestKit kit;

    @BeforeEach
    void start() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {
                  "mode": "strict",
                  "rules": [
                    {"actor": "chat", "id": "room-*", "access": ["call", "state", "events"], "methods": ["send"]},
                    {"actor": "chat", "id": "room-*", "access": ["state", "events"]},
                    {"actor": "chat", "id": "room-*", "methods": ["clear"], "role": "admin"}
                  ]
                }
                """);
        kit = ZocketTestKit.builder()
                .actor(Chat.class, ChatActor::new)
                .accessPolicy(policy)
                .authenticator(request -> request.queryParameter("token")
                        .map(token -> Principal.user(token, Map.of("roles", token.equals("ann") ? List.of("admin") : List.of())))
                        .orElse(Principal.anonymous()))
                .authorizer(request -> request.caller().claims().containsKey("banned")
                        ? Authorizer.Decision.DENY : Authorizer.Decision.ABSTAIN)
                .build();
    }

    @AfterEach
    void close() {
        kit.close();
    }

    private static RpcException refusal(CompletionException failure) {
        return assertInstanceOf(RpcException.class, failure.getCause());
    }

    @Test
    void rolesDecideWhoMayCall() {
        ChatHandle asAdmin = ChatHandle.of(kit.newClientWithRoles("ann", "admin"), "room-1");
        ChatHandle asUser = ChatHandle.of(kit.newClientWithRoles("bob"), "room-1");
        asUser.send(new Chat.Send("hi")).join();

        RpcException refused = refusal(assertThrows(CompletionException.class, () -> asUser.clear().join()));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals("Access denied", refused.getMessage());
        asAdmin.clear().join();
    }

    @Test
    void theHandshakeDecidesTheClaimsTheRulesSee() {
        TestClient ann = kit.newClient(new HandshakeRequest("/", Map.of("token", List.of("ann")), Map.of(), null));
        ChatHandle.of(ann, "room-1").clear().join();
        TestClient bob = kit.newClient(new HandshakeRequest("/", Map.of("token", List.of("bob")), Map.of(), null));
        assertThrows(CompletionException.class, () -> ChatHandle.of(bob, "room-1").clear().join());
    }

    @Test
    void aRefusedCallOrSubscriptionCreatesNoInstance() {
        TestClient bob = kit.newClientWithRoles("bob");
        ChatHandle privateRoom = ChatHandle.of(bob, "private-1");
        RpcException refused = refusal(assertThrows(CompletionException.class,
                () -> privateRoom.send(new Chat.Send("hi")).join()));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        privateRoom.state().subscribe(state -> {});

        ProtocolError error = bob.protocolErrors().get(0);
        assertEquals(ErrorCode.FORBIDDEN, error.code());
        assertEquals("Access denied", error.message());
        assertFalse(kit.isLive("chat", "private-1"));
        assertEquals(0, kit.metrics().liveInstances());
    }

    @Test
    void anAuthorizersDenyBeatsThePolicysAllow() {
        TestClient banned = kit.newClient(Principal.user("eve", Map.of("banned", true)));
        ChatHandle room = ChatHandle.of(banned, "room-1");
        assertThrows(CompletionException.class, () -> room.send(new Chat.Send("spam")).join());
        ChatHandle.of(kit.newClientWithRoles("bob"), "room-1").send(new Chat.Send("fine")).join();
    }
}
