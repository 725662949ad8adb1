package dev.zocket.server.internal.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.HandshakeImpl1Client;

/**
 * Reads a client's upgrade request (RFC 6455, 4.1) into the handshake Java-WebSocket expects,
 * accepting and refusing exactly what its {@code Draft.translateHandshakeHttp} does, in time
 * linear in the request's size. That method compiles a regular expression for every header line
 * (to strip the value's leading spaces), copies what is left of the buffer for every line and
 * joins a repeated header by copying it, so a request of many short lines cost time quadratic in
 * its size. (That the request is read only once it has all arrived is {@link PendingUpgrade}'s
 * part.)
 *
 * <p>Lines end with CRLF and are read as US-ASCII. The request line must be three fields
 * separated by single spaces, a {@code GET} and {@code HTTP/1.1} (in any case); each header line
 * must have a colon; a repeated header's values are joined with {@code "; "}. A request whose
 * blank line has not arrived yet is {@linkplain IncompleteHandshakeException incomplete}; once
 * read, the buffer's position is just past it, where the first frame may start.
 */
final class UpgradeRequest {

    private UpgradeRequest() {}

    /**
     * Reads the request starting at {@code in}'s position.
     *
     * @throws IncompleteHandshakeException if the request has not all arrived; {@code in}'s
     *     position is then unspecified (the caller resets it)
     * @throws InvalidHandshakeException if it is not an upgrade request Java-WebSocket would read
     */
    static HandshakeImpl1Client read(ByteBuffer in) throws InvalidHandshakeException {
        int end = lineEnd(in, in.position());
        if (end < 0) {
            // As Java-WebSocket asks: room for more than this buffer holds.
            throw new IncompleteHandshakeException(in.capacity() + 128);
        }
        HandshakeImpl1Client request = requestFor(ascii(in, in.position(), end));
        // Built aside, so that a header repeated many times is joined in linear time.
        Map<String, StringBuilder> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int start = end + 2; ; start = end + 2) {
            end = lineEnd(in, start);
            if (end < 0) {
                throw new IncompleteHandshakeException();
            }
            if (end == start) {
                fields.forEach((name, value) -> request.put(name, value.toString()));
                in.position(end + 2);
                return request;
            }
            int colon = indexOf(in, (byte) ':', start, end);
            if (colon < 0) {
                throw new InvalidHandshakeException("not an http header");
            }
            int valueStart = colon + 1;
            while (valueStart < end && in.get(valueStart) == ' ') {
                valueStart++;
            }
            String name = ascii(in, start, colon);
            String value = ascii(in, valueStart, end);
            StringBuilder earlier = fields.get(name);
            if (earlier == null) {
                fields.put(name, new StringBuilder(value));
            } else {
                earlier.append("; ").append(value);
            }
        }
    }

    private static HandshakeImpl1Client requestFor(String line) throws InvalidHandshakeException {
        int firstSpace = line.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
        if (secondSpace < 0) {
            throw new InvalidHandshakeException("Invalid request line: " + line);
        }
        String method = line.substring(0, firstSpace);
        String version = line.substring(secondSpace + 1);
        if (!"GET".equalsIgnoreCase(method)) {
            throw new InvalidHandshakeException("Invalid request method received: " + method + " Status line: " + line);
        }
        if (!"HTTP/1.1".equalsIgnoreCase(version)) {
            throw new InvalidHandshakeException("Invalid status line received: " + version + " Status line: " + line);
        }
        HandshakeImpl1Client request = new HandshakeImpl1Client();
        request.setResourceDescriptor(line.substring(firstSpace + 1, secondSpace));
        return request;
    }

    /** The index of the CR of the first CRLF at or after {@code from}, or -1. */
    private static int lineEnd(ByteBuffer in, int from) {
        int limit = in.limit();
        for (int i = from; i + 1 < limit; i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(ByteBuffer in, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (in.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        if (in.hasArray()) {
            return new String(in.array(), in.arrayOffset() + from, to - from, StandardCharsets.US_ASCII);
        }
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
