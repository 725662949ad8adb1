package dev.zocket.protocol;

import dev.zocket.ErrorCode;
import java.util.Objects;

/**
 * {@code error} (extension): reports a problem with a client message that has no {@code id} to
 * answer, such as a subscription to an unknown actor or a malformed frame. Clients written for
 * the original Zocket ignore message types they do not know.
 *
 * @param request the type of the offending message, or {@code null} if it could not be read
 * @param actor the actor it addressed, or {@code null}
 * @param actorId the actor id it addressed, or {@code null}
 */
public record ProtocolError(ErrorCode code, String message, MessageType request, String actor, String actorId)
        implements ServerMessage {

    public ProtocolError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error about a message that addressed an actor instance. */
    public static ProtocolError about(ClientMessage request, ErrorCode code, String message) {
        return new ProtocolError(code, message, request.type(), request.actor(), request.actorId());
    }

    /** An error about a frame that could not be read as a message. */
    public static ProtocolError malformed(String message) {
        return new ProtocolError(ErrorCode.BAD_REQUEST, message, null, null, null);
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
