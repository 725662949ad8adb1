package dev.zocket.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a connection belongs to, as decided by an {@link Authenticator} at the handshake.
 *
 * @param userId the user's id, or empty for an anonymous connection
 * @param claims facts about the user handlers may need (roles, tenant, token claims)
 */
public record Principal(Optional<String> userId, Map<String, Object> claims) {

    private static final Principal ANONYMOUS = new Principal(Optional.empty(), Map.of());

    public Principal {
        Objects.requireNonNull(userId, "userId");
        claims = Map.copyOf(claims);
    }

    /** An authenticated user. */
    public static Principal user(String userId, Map<String, Object> claims) {
        return new Principal(Optional.of(userId), claims);
    }

    /** A connection without a user. */
    public static Principal anonymous() {
        return ANONYMOUS;
    }
}
