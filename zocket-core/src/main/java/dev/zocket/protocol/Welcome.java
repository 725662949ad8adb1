package dev.zocket.protocol;

import java.util.Objects;

/** {@code welcome}: the first message on a connection, naming the id the server gave the client. */
public record Welcome(String clientId) implements ServerMessage {

    public Welcome {
        Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public MessageType type() {
        return MessageType.WELCOME;
    }
}
