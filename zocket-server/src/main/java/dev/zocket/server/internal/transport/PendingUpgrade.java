package dev.zocket.server.internal.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of an upgrade request that has not all arrived, gathered until its blank line has.
 * Java-WebSocket tries to read the request on every read of the socket, scanning (and, in its
 * own buffer, copying) everything sent so far each time, so a request sent a byte at a time cost
 * time quadratic in its size: up to 64 KiB scanned for each of 64 Ki reads within the handshake
 * deadline. Here each byte is looked at once, as it arrives, and the request goes to
 * Java-WebSocket once, whole. A request with no blank line is never read; the handshake deadline
 * and the size cap end it. Loop thread only.
 */
final class PendingUpgrade {

    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    private byte[] bytes;
    private int length;
    /** How many bytes of {@link #BLANK_LINE} the bytes so far end with. */
    private int matched;

    /**
     * Takes the bytes {@code read} holds and returns everything gathered so far once the
     * request's blank line is among it, the bytes after the blank line included, or {@code null}
     * while it is not. When the first read holds the blank line, it is returned uncopied (a slice
     * of it). Not to be called again once it has returned the request.
     */
    ByteBuffer add(ByteBuffer read) {
        int count = read.remaining();
        boolean whole = endsBlankLineWithin(read, read.position(), read.limit());
        if (whole && bytes == null) {
            return read.slice();
        }
        if (bytes == null) {
            bytes = new byte[Math.max(256, count)];
        } else if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + count, 2 * bytes.length));
        }
        read.get(bytes, length, count);
        length += count;
        // Sliced, so that nothing sizes a buffer of its own from the spare capacity behind it.
        return whole ? ByteBuffer.wrap(bytes, 0, length).slice() : null;
    }

    /** Moves the matcher over bytes {@code from} to {@code to}; true once the blank line is complete. */
    private boolean endsBlankLineWithin(ByteBuffer in, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            matched = b == BLANK_LINE[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == BLANK_LINE.length) {
                return true;
            }
        }
        return false;
    }
}
