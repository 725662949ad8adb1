package dev.zocket.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
}
