package dev.zocket.protocol;

/**
 * A Zocket protocol message: a JSON object with a {@code type} discriminator. Client messages
 * flow from clients to the server, server messages the other way.
 */
public sealed interface Message permits ClientMessage, ServerMessage {

    MessageType type();
}
