package dev.zocket;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An RPC that failed with a message and an {@link ErrorCode}.
 *
 * <p>On the server, throw it from a handler or middleware to choose the code the caller sees;
 * any other exception is reported with its own message. On the client, futures returned by
 * handles complete exceptionally with it when the server answers with an error.
 *
 * <pre>{@code
 * if (players.size() < 2) {
 *     throw RpcException.conflict("Need at least 2 players");
 * }
 * }</pre>
 *
 * <p>A {@link ErrorCode#CONFLICT conflict} refusing a conditional call (one made with a base
 * version, through a generated handle's {@code withBaseVersion(v)}) carries the instance's
 * current state {@link #version()}, to retry from.
 */
public class RpcException extends ZocketException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    /** Boxed rather than an {@code OptionalLong}, which is not serializable. */
    private final Long version;

    public RpcException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.version = null;
    }

    /**
     * A failure that names the instance's current state version, as a refused conditional call
     * does.
     */
    public RpcException(ErrorCode code, String message, OptionalLong version) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.version = version.isPresent() ? version.getAsLong() : null;
    }

    public RpcException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.version = null;
    }

    /** Why the call failed. */
    public ErrorCode code() {
        return code;
    }

    /**
     * The instance's current state version, when the server sent it: on the {@code conflict}
     * refusing a call whose base version was not the instance's version. Empty otherwise, and
     * from servers that do not send it.
     */
    public OptionalLong version() {
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    public static RpcException badRequest(String message) {
        return new RpcException(ErrorCode.BAD_REQUEST, message);
    }

    public static RpcException notFound(String message) {
        return new RpcException(ErrorCode.NOT_FOUND, message);
    }

    public static RpcException forbidden(String message) {
        return new RpcException(ErrorCode.FORBIDDEN, message);
    }

    public static RpcException conflict(String message) {
        return new RpcException(ErrorCode.CONFLICT, message);
    }

    public static RpcException overloaded(String message) {
        return new RpcException(ErrorCode.OVERLOADED, message);
    }
}
