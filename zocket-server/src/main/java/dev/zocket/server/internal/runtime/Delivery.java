package dev.zocket.server.internal.runtime;

/** The outcome of handing a message to an actor instance. */
public enum Delivery {
    /** Queued. */
    ACCEPTED,
    /** The instance's mailbox is at its limit. */
    FULL,
    /** The server is shutting down and creates no more instances. */
    REFUSED
}
