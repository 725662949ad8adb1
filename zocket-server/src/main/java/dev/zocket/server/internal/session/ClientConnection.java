package dev.zocket.server.internal.session;

import dev.zocket.server.internal.runtime.OutgoingMessage;

/** The transport side of one connection: a WebSocket, or a simulated client in the test kit. */
public interface ClientConnection {

    /**
     * Queues a message for the client, in order. Must not block. A transport that cannot keep up
     * closes the connection instead of dropping the message.
     */
    void send(OutgoingMessage message);

    /** The bytes queued for the client and not yet written, for diagnostics; 0 where nothing queues. */
    default long bufferedBytes() {
        return 0;
    }

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);
}
