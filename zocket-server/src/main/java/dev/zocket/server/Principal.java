package dev.zocket.server;

import java.util.HashMap;
import java.util.List;
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

    /**
     * This principal with {@code roles} in its {@value Caller#ROLES_CLAIM} claim, replacing any
     * roles it had: {@code Principal.user("alice", Map.of()).withRoles("admin")}.
     */
    public Principal withRoles(String... roles) {
        Map<String, Object> withRoles = new HashMap<>(claims);
        withRoles.put(Caller.ROLES_CLAIM, List.of(roles));
        return new Principal(userId, withRoles);
    }
}
