package dev.zocket.server.persistence;

/** A store could not read or write: the storage failed, or a change's version was refused. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */

    public StoreException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
