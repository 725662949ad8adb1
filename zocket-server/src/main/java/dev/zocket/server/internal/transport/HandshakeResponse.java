package dev.zocket.server.internal.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * The headers of the server's answer to an upgrade request, the same Java-WebSocket's {@code
 * Draft_6455} writes, without what it redoes for every connection: it builds a {@code
 * SimpleDateFormat} and a {@code Calendar} for the {@code Date} header and looks up a SHA-1
 * {@code MessageDigest} for the accept key. Here the date is formatted once a second and each
 * I/O thread keeps its digest. Loop threads only.
 */
final class HandshakeResponse {

    /** RFC 6455, section 1.3: appended to the client's key before hashing. */
    private static final String KEY_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    });

    private static volatile CachedDate cachedDate = new CachedDate(Long.MIN_VALUE, "");

    private record CachedDate(long epochSecond, String text) {}

    private HandshakeResponse() {}

    /** Fills {@code response} for {@code request}: no extension and no subprotocol are offered. */
    static void fill(ClientHandshake request, ServerHandshakeBuilder response) throws InvalidHandshakeException {
        response.put("Upgrade", "websocket");
        response.put("Connection", request.getFieldValue("Connection"));
        String key = request.getFieldValue("Sec-WebSocket-Key");
        if (key == null || key.isEmpty()) {
            throw new InvalidHandshakeException("missing Sec-WebSocket-Key");
        }
        response.put("Sec-WebSocket-Accept", accept(key));
        response.setHttpStatusMessage("Web Socket Protocol Handshake");
        response.put("Server", "TooTallNate Java-WebSocket");
        response.put("Date", date(System.currentTimeMillis() / 1000));
    }

    /** The {@code Sec-WebSocket-Accept} value for a client's {@code Sec-WebSocket-Key}. */
    static String accept(String key) {
        MessageDigest sha1 = SHA1.get();
        byte[] hash = sha1.digest((key.trim() + KEY_GUID).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(hash);
    }

    /** An HTTP date ({@code Fri, 27 Nov 2026 19:45:00 GMT}) for the given second. */
    static String date(long epochSecond) {
        CachedDate cached = cachedDate;
        if (cached.epochSecond() != epochSecond) {
            cached = new CachedDate(epochSecond, HTTP_DATE.format(Instant.ofEpochSecond(epochSecond)));
            cachedDate = cached;
        }
        return cached.text();
    }
}
