package dev.zocket.docs.server;

import dev.zocket.RpcException;
import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.server.AuthenticationException;
import dev.zocket.server.Middleware;
import dev.zocket.server.Principal;
import dev.zocket.server.ZocketServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The authentication, middleware and configuration examples of docs/server.md. */
public final class SecuredServer {

    /** Stands in for whatever verifies tokens in an application. */
    public interface Tokens {
        Optional<User> verify(String token);
    }

    public record User(String id, String role) {}

    private SecuredServer() {}

    // tag::middleware[]
    /** Rejects anonymous callers and makes the user available to handlers. */
    static final Middleware SIGNED_IN = call -> {
        String userId = call.caller().userId().orElseThrow(() -> RpcException.forbidden("Unauthorized"));
        call.put(User.class, new User(userId, (String) call.caller().claims().get("role")));
    };
    // end::middleware[]

    public static ZocketServer start(Tokens tokens, int port) throws IOException {
        // tag::secured[]
        return ZocketServer.builder()
                .authenticator(request -> request.queryParameter("token")
                        .flatMap(tokens::verify)
                        .map(user -> Principal.user(user.id(), Map.of("role", user.role())))
                        .orElseThrow(() -> new AuthenticationException("missing or invalid token")))
                .actor(ChatRoom.class, ChatRoomActor::new, SIGNED_IN)
                .port(port)
                .httpPort(port == 0 ? 0 : port + 1)        // /health, /metrics
                .maxFrameBytes(64 * 1024)
                .idleTimeout(Duration.ofMinutes(10))
                .start();
        // end::secured[]
    }
}
