package dev.zocket.server.internal.studio;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may use Studio over HTTP. With a token, requests must carry {@code Authorization: Bearer
 * <token>}, compared in constant time, from any address. Without one, only requests from the
 * loopback interface are served: Studio on without a password is for a developer's own machine.
 */
final class StudioAccess {

    /** Why a request was refused, or who it comes from. */
    sealed interface Decision {
        record Admitted(String operator) implements Decision {}

        record Refused(int status, String reason) implements Decision {}
    }

    private final byte[] token;

    /** @param token the password, or empty for loopback-only access */
    StudioAccess(Optional<String> token) {
        this.token = token.map(text -> text.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    boolean protectedByToken() {
        return token != null;
    }

    /** Whether the page's files may be served to {@code peer}: to anyone with a token set, else to loopback only. */
    boolean mayLoadPage(InetAddress peer) {
        return token != null || isLoopback(peer);
    }

    Decision decide(String authorization, InetAddress peer) {
        String from = peer == null ? "unknown" : peer.getHostAddress();
        if (token == null) {
            return isLoopback(peer) ? new Decision.Admitted("studio@" + from)
                    : new Decision.Refused(403, "Studio has no token set and answers only the loopback interface");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new Decision.Refused(401, "a valid Authorization: Bearer token is required");
        }
        byte[] offered = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token) ? new Decision.Admitted("studio@" + from)
                : new Decision.Refused(401, "a valid Authorization: Bearer token is required");
    }

    private static boolean isLoopback(InetAddress peer) {
        return peer != null && peer.isLoopbackAddress();
    }
}
