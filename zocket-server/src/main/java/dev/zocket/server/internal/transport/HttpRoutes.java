package dev.zocket.server.internal.transport;

import java.net.InetAddress;
import java.net.URI;

/**
 * More endpoints for {@link HttpEndpoints}, under a path prefix of their own (Studio's). They
 * answer on the HTTP loop's thread, so each answer must be quick, and they see every method, not
 * only {@code GET}; requests carry no body.
 */
public interface HttpRoutes {

    /** Whether requests for {@code path} are this one's to answer. */
    boolean serves(String path);

    /** Answers one request. */
    Reply answer(Request request);

    /**
     * One request, as routes see it.
     *
     * @param uri the request target, still percent-encoded
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param host the {@code Host} header, or {@code null}
     * @param peer where the request came from, or {@code null} if unknown
     */
    record Request(String method, URI uri, String authorization, String host, InetAddress peer) {}

    /** A response: status, content type and body. */
    record Reply(int status, String contentType, byte[] body) {}
}
