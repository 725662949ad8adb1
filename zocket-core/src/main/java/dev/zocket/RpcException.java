package dev.zocket;

import java.util.Objects;

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
 */
public class RpcException extends ZocketException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RpcException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RpcException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Why the call failed. */
    public ErrorCode code() {
        return code;
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
