package dev.zocket.server.internal.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * RFC 6455 as Java-WebSocket decodes it, with frames assembled here first, so that the memory a
 * frame takes follows the bytes that arrived, not what its header announced: Java-WebSocket
 * allocates a partial frame's announced length at once (a header announcing 256 KiB took 256 KiB
 * before a byte of payload came). Complete frames are decoded straight from the read buffer; the
 * bytes of an incomplete one are kept in a buffer that grows as they arrive, and when it started
 * is kept for the loop's {@linkplain EventLoop frame deadline}.
 *
 * <p>A frame that cannot be decoded (bad opcode, invalid UTF-8, a broken fragment sequence) closes
 * the connection with the matching code and one log line without a stack trace, instead of
 * Java-WebSocket's error with a stack trace per frame. One instance per connection, loop thread only.
 */
final class BoundedDraft extends Draft_6455 {

    static final long NO_PARTIAL_FRAME = Long.MIN_VALUE;
    private static final int MAX_HEADER_BYTES = 14;
    private static final int FIRST_PARTIAL_BYTES = 1024;

    private final int maxFrameBytes;
    private WebSocketConnection connection;
    private ByteBuffer partial;
    /** The whole length of the partial frame, or -1 while its header is incomplete. */
    private long partialLength;
    private long partialSinceNanos = NO_PARTIAL_FRAME;
    /** When the first fragment of a message still incomplete arrived. */
    private long messageSinceNanos = NO_PARTIAL_FRAME;
    private boolean failed;

    BoundedDraft(int maxFrameBytes) {
        super(Collections.emptyList(), maxFrameBytes);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Draft copyInstance() {
        return new BoundedDraft(maxFrameBytes);
    }

    /** The client's upgrade request, read as Java-WebSocket reads it, in linear time (see {@link UpgradeRequest}). */
    @Override
    public Handshakedata translateHandshake(ByteBuffer in) throws InvalidHandshakeException {
        return role == Role.SERVER ? UpgradeRequest.read(in) : super.translateHandshake(in);
    }

    /** The same headers as Java-WebSocket's, cheaper to write (see {@link HandshakeResponse}). */
    @Override
    public HandshakeBuilder postProcessHandshakeResponseAsServer(ClientHandshake request,
            ServerHandshakeBuilder response) throws InvalidHandshakeException {
        HandshakeResponse.fill(request, response);
        return response;
    }

    /** The connection this copy decodes for; set by the handshake, before any frame. */
    void attach(WebSocketConnection connection) {
        this.connection = connection;
    }

    /**
     * When the first byte arrived of what is still incomplete, a frame or a fragmented message,
     * or {@link #NO_PARTIAL_FRAME}: the frame deadline covers a message sent in fragments too.
     */
    long partialSinceNanos() {
        if (messageSinceNanos == NO_PARTIAL_FRAME) {
            return partialSinceNanos;
        }
        return partialSinceNanos == NO_PARTIAL_FRAME || messageSinceNanos - partialSinceNanos < 0
                ? messageSinceNanos : partialSinceNanos;
    }

    /** Bytes held for the incomplete frame. */
    int partialCapacity() {
        return partial == null ? 0 : partial.capacity();
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer in) throws InvalidDataException {
        if (failed) {
            in.position(in.limit());
            return Collections.emptyList();
        }
        try {
            List<Framedata> frames = null;
            if (partial != null) {
                if (!fill(in)) {
                    return Collections.emptyList();
                }
                ByteBuffer whole = partial.flip();
                partial = null;
                partialSinceNanos = NO_PARTIAL_FRAME;
                frames = new ArrayList<>(2);
                translateComplete(whole, whole.limit(), frames);
            }
            int end = completeFramesEnd(in);
            if (end < 0) {
                return super.translateFrame(in); // announces more than the limit: Java-WebSocket refuses it (1009)
            }
            if (end > in.position()) {
                if (frames == null) {
                    frames = new ArrayList<>(4);
                }
                translateComplete(in, end, frames);
            }
            if (in.hasRemaining()) {
                partialSinceNanos = System.nanoTime();
                partialLength = -1;
                partial = ByteBuffer.allocate(Math.min(FIRST_PARTIAL_BYTES, Math.max(MAX_HEADER_BYTES, in.remaining())));
                fill(in);
            }
            return frames == null ? Collections.emptyList() : frames;
        } catch (LimitExceededException tooLarge) {
            throw tooLarge; // Java-WebSocket closes with 1009 without logging
        } catch (InvalidDataException invalid) {
            refuse(invalid);
            in.position(in.limit());
            return Collections.emptyList();
        }
    }

    /**
     * Decodes the complete frames between {@code in}'s position and {@code end}. A whole, masked
     * text frame without extension bits, the frame every Zocket message comes in, is unmasked and
     * decoded here in one pass; Java-WebSocket would copy it byte by byte, check its UTF-8 with a
     * table per byte and then decode it again. Any other frame is left to Java-WebSocket.
     */
    private void translateComplete(ByteBuffer in, int end, List<Framedata> frames) throws InvalidDataException {
        int limit = in.limit();
        while (in.position() < end) {
            int at = in.position();
            int frameEnd = (int) (at + frameLength(in, at, end));
            ReceivedText text = ReceivedText.decode(in, at, frameEnd);
            if (text != null) {
                frames.add(text);
                in.position(frameEnd);
            } else {
                in.limit(frameEnd);
                frames.addAll(super.translateFrame(in));
                in.limit(limit);
            }
        }
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
        if (failed) {
            return;
        }
        if (frame instanceof ReceivedText text && messageSinceNanos == NO_PARTIAL_FRAME) {
            deliver(socket, text.text());
            return;
        }
        Opcode opcode = frame.getOpcode();
        if (!frame.isFin() && (opcode == Opcode.TEXT || opcode == Opcode.BINARY)) {
            messageSinceNanos = System.nanoTime();
        } else if (frame.isFin() && opcode == Opcode.CONTINUOUS) {
            messageSinceNanos = NO_PARTIAL_FRAME;
        }
        try {
            super.processFrame(socket, frame);
        } catch (LimitExceededException tooLarge) {
            throw tooLarge;
        } catch (InvalidDataException invalid) {
            refuse(invalid);
        }
    }

    /** What Java-WebSocket does with a whole text message, without decoding it again. */
    private static void deliver(WebSocketImpl socket, String text) {
        try {
            socket.getWebSocketListener().onWebsocketMessage(socket, text);
        } catch (RuntimeException failed) {
            socket.getWebSocketListener().onWebsocketError(socket, failed);
        }
    }

    private void refuse(InvalidDataException invalid) {
        failed = true;
        partial = null;
        partialSinceNanos = NO_PARTIAL_FRAME;
        messageSinceNanos = NO_PARTIAL_FRAME;
        if (connection != null) {
            connection.refuseFrame(invalid.getCloseCode(), invalid.getMessage());
        }
    }

    /**
     * Where the complete frames at the start of {@code in} end; -1 if one announces more than
     * the limit.
     */
    private int completeFramesEnd(ByteBuffer in) {
        int at = in.position();
        while (true) {
            long length = frameLength(in, at, in.limit());
            if (length == -2) {
                return -1;
            }
            if (length < 0 || at + length > in.limit()) {
                return at;
            }
            at += (int) length;
        }
    }

    /**
     * The whole length (header and payload) of the frame starting at {@code at}, -1 if its header
     * is not complete before {@code end}, -2 if its payload exceeds the limit.
     */
    private long frameLength(ByteBuffer bytes, int at, int end) {
        if (end - at < 2) {
            return -1;
        }
        int second = bytes.get(at + 1) & 0xFF;
        int length7 = second & 0x7F;
        int header = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((second & 0x80) != 0 ? 4 : 0);
        if (end - at < header) {
            return -1;
        }
        long payload = length7 < 126 ? length7
                : length7 == 126 ? bytes.getShort(at + 2) & 0xFFFF
                : bytes.getLong(at + 2);
        if (payload < 0 || payload > maxFrameBytes) {
            return -2;
        }
        return header + payload;
    }

    /** Moves bytes of the partial frame from {@code in}, growing it as needed; true once it is whole. */
    private boolean fill(ByteBuffer in) throws LimitExceededException {
        learnPartialLength();
        while (in.hasRemaining() && partial.position() != partialLength) {
            long wanted = partialLength < 0 ? partial.position() + 1 : partialLength; // the header byte by byte
            if (!partial.hasRemaining()) {
                long grown = Math.min(wanted, Math.max(2L * partial.capacity(), partial.position() + (long) in.remaining()));
                partial = ByteBuffer.allocate((int) grown).put(partial.flip());
            }
            int take = (int) Math.min(Math.min(partial.remaining(), in.remaining()), wanted - partial.position());
            partial.put(partial.position(), in, in.position(), take);
            partial.position(partial.position() + take);
            in.position(in.position() + take);
            learnPartialLength();
        }
        return partial.position() == partialLength;
    }

    private void learnPartialLength() throws LimitExceededException {
        if (partialLength < 0) {
            partialLength = frameLength(partial, 0, partial.position());
            if (partialLength == -2) {
                throw new LimitExceededException("Payload limit reached.", maxFrameBytes);
            }
        }
    }
}
