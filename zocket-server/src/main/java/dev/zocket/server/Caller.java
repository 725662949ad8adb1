package dev.zocket.server;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The client a handler, hook or middleware is running for.
 *
 * @param clientId the id the server gave the connection in its {@code welcome}; stable for the
 *     connection's lifetime, new after a reconnect
 * @param userId the user the {@link Authenticator} recognised, if any
 * @param claims what the authenticator attached (roles, token claims); empty without one
 */
public record Caller(String clientId, Optional<String> userId, Map<String, Object> claims) {

    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        claims = Map.copyOf(claims);
    }

    /** The claim that holds a caller's roles: a string (one role) or a collection of strings. */
    public static final String ROLES_CLAIM = "roles";

    /**
     * The caller's roles, read from the {@value #ROLES_CLAIM} claim: a string is one role, a
     * collection holds one role per string element (other elements are ignored); anything else,
     * or no such claim, means no roles. {@code @RolesAllowed} and policy rules check these.
     */
    public Set<String> roles() {
        Object claim = claims.get(ROLES_CLAIM);
        if (claim instanceof String role) {
            return Set.of(role);
        }
        if (claim instanceof Collection<?> collection) {
            Set<String> roles = new HashSet<>();
            for (Object element : collection) {
                if (element instanceof String role) {
                    roles.add(role);
                }
            }
            return Set.copyOf(roles);
        }
        return Set.of();
    }
}
