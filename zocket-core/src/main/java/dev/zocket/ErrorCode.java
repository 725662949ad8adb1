package dev.zocket;

import java.util.Optional;

/**
 * Machine-readable reason for a failed RPC, sent as the {@code code} field of an
 * {@code rpc:result} error (an additive extension to the Zocket protocol).
 */
public enum ErrorCode {
    /** The request is malformed or its input failed validation. */
    BAD_REQUEST("bad_request"),
    /** The actor or method does not exist. */
    NOT_FOUND("not_found"),
    /** Middleware or an authenticator refused the call. */
    FORBIDDEN("forbidden"),
    /** The call is valid but conflicts with the actor's current state. */
    CONFLICT("conflict"),
    /** A limit was reached (mailbox depth, in-flight calls); retrying later may succeed. */
    OVERLOADED("overloaded"),
    /** The handler failed unexpectedly. */
    INTERNAL_ERROR("internal_error"),
    /** No answer arrived in time. */
    TIMEOUT("timeout");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used on the wire, for example {@code "bad_request"}. */
    public String wireName() {
        return wireName;
    }

    /** The code with the given wire spelling, or empty when the name is unknown. */
    public static Optional<ErrorCode> fromWireName(String wireName) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(wireName)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
