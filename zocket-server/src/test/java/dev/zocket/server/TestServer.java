package dev.zocket.server;

import dev.zocket.RpcException;
import dev.zocket.server.fixtures.CounterActor;
import dev.zocket.server.fixtures.CounterBinding;
import dev.zocket.server.fixtures.Notes;
import dev.zocket.server.fixtures.NotesActor;
import dev.zocket.server.fixtures.Recorder;
import java.util.Map;

/** The server most tests run against: both fixtures on an ephemeral loopback port. */
final class TestServer {

    private TestServer() {}

    /**
     * The counter and notes actors, an authenticator that reads {@code ?token=}, and middleware
     * that rejects the user {@code banned} and tags every call.
     */
    static ZocketServer.Builder builder(Recorder recorder) {
        return ZocketServer.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(Map.of())
                .authenticator(request -> {
                    String token = request.queryParameter("token").orElse(null);
                    if (token == null) {
                        return Principal.anonymous();
                    }
                    if (token.equals("nope")) {
                        throw new AuthenticationException("invalid token");
                    }
                    return Principal.user(token, Map.of("role", token.equals("alice") ? "admin" : "user"));
                })
                .middleware(call -> {
                    if (call.caller().userId().filter("banned"::equals).isPresent()) {
                        throw new IllegalStateException("Unauthorized");
                    }
                    if (call.method().equals("reset") && call.caller().userId().isEmpty()) {
                        throw RpcException.forbidden("Sign in to reset");
                    }
                    call.put(CounterActor.RequestTag.class, new CounterActor.RequestTag("tagged " + call.method()));
                })
                .actor(CounterBinding.INSTANCE, context -> new CounterActor(context, recorder))
                .actor(Notes.class, NotesActor::new);
    }
}
