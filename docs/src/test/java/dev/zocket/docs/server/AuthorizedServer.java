package dev.zocket.docs.server;

import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.server.AccessKind;
import dev.zocket.server.Authorizer;
import dev.zocket.server.ZocketServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** The authorization examples of docs/server.md and docs/security.md. */
public final class AuthorizedServer {

    /** Stands in for an application's own record of who is in which room. */
    public interface Memberships {
        Set<String> roomsOf(String userId);
    }

    private AuthorizedServer() {}

    public static ZocketServer start(Path policyFile, Memberships memberships, int port) throws IOException {
        // tag::authorization[]
        Authorizer membersOnly = request -> {
            if (!request.actor().equals("chat") || request.kind() == AccessKind.CALL) {
                return Authorizer.Decision.ABSTAIN;   // the policy file and annotations decide
            }
            boolean member = request.caller().userId()
                    .map(user -> memberships.roomsOf(user).contains(request.actorId()))
                    .orElse(false);
            return member ? Authorizer.Decision.ALLOW : Authorizer.Decision.DENY;
        };
        return ZocketServer.builder()
                .accessPolicy(policyFile)              // or ZOCKET_ACCESS_POLICY=/etc/zocket/policy.json
                .authorizer(membersOnly)
                .actor(ChatRoom.class, ChatRoomActor::new)
                .port(port)
                .start();
        // end::authorization[]
    }
}
