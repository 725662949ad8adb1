package dev.zocket.server;

import dev.zocket.ZocketException;

/** Thrown by an {@link Authenticator} to refuse a connection. The message is logged, not sent. */
public class AuthenticationException extends ZocketException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
