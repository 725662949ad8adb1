package dev.zocket.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one frame: a typed message, or the reason it is malformed. Parsing
 * never throws on bad input.
 *
 * @param <M> the message family expected ({@link ClientMessage} or {@link ServerMessage})
 */
public sealed interface ParseResult<M extends Message> {

    /** A well-formed message. */
    record Parsed<M extends Message>(M message) implements ParseResult<M> {
        public Parsed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A frame that is not a valid message.
     *
     * @param reason what is wrong, for example {@code Field "actorId" must be a string}
     * @param rpcId the {@code id} of an {@code rpc} frame whose other fields are wrong, so the
     *     server can answer it with a {@code bad_request} result; empty otherwise
     */
    record Malformed<M extends Message>(String reason, Optional<String> rpcId) implements ParseResult<M> {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rpcId, "rpcId");
        }
    }
}
