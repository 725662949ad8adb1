package dev.zocket.server;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP upgrade request of a WebSocket connection, as an {@link Authenticator} sees it.
 * Browsers cannot set headers on a WebSocket, so tokens usually travel as query parameters.
 *
 * @param path the request path without the query, for example {@code /}
 * @param queryParameters decoded query parameters; a name may repeat
 * @param headers request headers, names in lower case
 * @param remoteAddress the peer, when known
 */
public record HandshakeRequest(String path, Map<String, List<String>> queryParameters, Map<String, String> headers,
        InetSocketAddress remoteAddress) {

    public HandshakeRequest {
        queryParameters = Map.copyOf(queryParameters);
        headers = Map.copyOf(headers);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
