package dev.zocket.server.internal.runtime;

import dev.zocket.protocol.MessageType;
import java.nio.charset.StandardCharsets;

/**
 * A server message encoded once as UTF-8 JSON, ready to be sent to any number of connections.
 * Transports must not modify {@link #bytes()}.
 */
public final class OutgoingMessage {

    private final MessageType type;
    private final byte[] bytes;

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

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
