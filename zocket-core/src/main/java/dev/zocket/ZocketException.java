package dev.zocket;

/** Base class of every exception Zocket raises. Always carries a message. */
public class ZocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ZocketException(String message) {
        super(requireMessage(message));
    }

    public ZocketException(String message, Throwable cause) {
        super(requireMessage(message), cause);
    }

    private static String requireMessage(String message) {
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("A Zocket exception needs a message");
        }
        return message;
    }
}
