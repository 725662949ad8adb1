package dev.zocket.json;

import dev.zocket.ZocketException;

/**
 * JSON that does not fit the Java type it is decoded into. Carries the location inside the
 * value ({@code stroke.points[0]}, empty for the value itself) and the reason
 * ({@code expected a number}).
 */
public class DecodeException extends ZocketException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    public DecodeException(String path, String reason, Throwable cause) {
        super((path.isEmpty() ? "value" : path) + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** Where the problem is, in the notation of Bean Validation property paths; empty for the root. */
    public String path() {
        return path;
    }

    /** What is wrong, for example {@code expected a string}. */
    public String reason() {
        return reason;
    }
}
