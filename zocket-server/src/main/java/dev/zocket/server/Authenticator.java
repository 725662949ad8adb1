package dev.zocket.server;

/**
 * Decides, at the WebSocket handshake, whether a connection is accepted and who it belongs to.
 * The resulting {@link Principal} is visible to middleware, handlers and lifecycle hooks through
 * {@link Caller}.
 *
 * <pre>{@code
 * ZocketServer.builder()
 *         .authenticator(request -> request.queryParameter("token")
 *                 .flatMap(tokens::verify)
 *                 .map(user -> Principal.user(user.id(), Map.of("role", user.role())))
 *                 .orElseThrow(() -> new AuthenticationException("missing or invalid token")))
 * }</pre>
 *
 * <p>It runs on a network thread during the handshake, so it must be quick: verify a signed
 * token, do not call a remote service. A refused handshake is answered with HTTP 404 (the
 * status Java-WebSocket uses for every refused upgrade) and never reaches the actors.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @throws AuthenticationException to refuse the connection
     */
    Principal authenticate(HandshakeRequest request);
}
