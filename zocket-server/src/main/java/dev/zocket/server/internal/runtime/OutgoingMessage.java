package dev.zocket.server.internal.runtime;

import dev.zocket.protocol.MessageType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A server message encoded once as UTF-8 JSON, ready to be sent to any number of connections.
 * Transports must not modify {@link #bytes()}.
 */
public final class OutgoingMessage {

    /** Recipients from which a fan-out shares one frame among them rather than framing per connection. */
    static final int SHARED_FRAME_RECIPIENTS = 4;

    private final MessageType type;
    private final byte[] bytes;
    // The sending thread only: set by the fan-out around its sends, read by the transport in them.
    private boolean fannedOut;
    private ByteBuffer sharedFrame;

    public OutgoingMessage(MessageType type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    public MessageType type() {
        return type;
    }

    public byte[] bytes() {
        return bytes;
    }

    /**
     * Sends {@code send} with this message going to many connections: within it, {@link
     * #sharedFrame} lets the transport make one frame for all of them. The frame is let go after,
     * once the connections' queues hold their views of it, so a message kept for later (a resume
     * log, a snapshot) does not keep it too.
     */
    void fanOut(int recipients, Runnable send) {
        if (recipients < SHARED_FRAME_RECIPIENTS) {
            send.run();
            return;
        }
        fannedOut = true;
        try {
            send.run();
        } finally {
            fannedOut = false;
            sharedFrame = null;
        }
    }

    /**
     * During a fan-out, a view of this message's frame, made once by {@code framer} from the
     * payload and shared by every recipient (each view has its own position); otherwise
     * {@code null}, and the transport frames the message for its one connection. Called on the
     * sending thread.
     */
    public ByteBuffer sharedFrame(Function<byte[], ByteBuffer> framer) {
        if (!fannedOut) {
            return null;
        }
        if (sharedFrame == null) {
            sharedFrame = framer.apply(bytes);
        }
        return sharedFrame.duplicate();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
