package dev.zocket;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is looking at an actor's state: the subscriber a {@link View.Audience} function sorts
 * into an audience. Built by the server from the connection's handshake.
 *
 * @param clientId the connection's client id
 * @param userId the authenticated user, if the handshake named one
 * @param claims the handshake's claims (roles and the like), read-only
 */
public record Viewer(String clientId, Optional<String> userId, Map<String, Object> claims) {

    public Viewer {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        claims = Map.copyOf(claims);
    }
}
