package dev.zocket.server.internal.studio;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may use Studio over HTTP. With a token, requests must carry {@code Authorization: Bearer
 * <token>}, compared in constant time, from any address. Without one, Studio is for a
 * developer's own machine: only requests from the loopback interface, naming a loopback host
 * (so a site whose name was rebound to 127.0.0.1 is refused), and carrying an {@code
 * Authorization} header of any value (which a page of another site cannot add without a CORS
 * answer Studio never gives, so such a page cannot act through the developer's browser).
 */
final class StudioAccess {

    static final String LOOPBACK_ONLY = "Studio has no token set and answers only this machine (loopback)";

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

    /** Whether the page's files may be served: to anyone with a token set, else to loopback only. */
    boolean mayLoadPage(String host, InetAddress peer) {
        return token != null || isLoopback(peer) && isLoopbackHost(host);
    }

    Decision decide(String authorization, String host, InetAddress peer) {
        String from = peer == null ? "unknown" : peer.getHostAddress();
        if (token == null) {
            return isLoopback(peer) && isLoopbackHost(host) && authorization != null
                    ? new Decision.Admitted("studio@" + from) : new Decision.Refused(403, LOOPBACK_ONLY);
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

    /** Whether a {@code Host} header names this machine: {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, any port. */
    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[")) {
            return name.startsWith("[::1]") && (name.length() == 5 || name.charAt(5) == ':');
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
