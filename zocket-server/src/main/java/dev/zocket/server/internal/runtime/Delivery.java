package dev.zocket.server.internal.runtime;

/** The outcome of handing a message to an actor instance's mailbox, or to the registry for one. */
public enum Delivery {
    /** Queued. */
    ACCEPTED,
    /** The instance's mailbox is at its limit. */
    FULL,
    /**
     * Not taken: the mailbox was retired (its instance passivated, so the registry retries with a
     * fresh one), or the server is shutting down and creates no more instances.
     */
    REFUSED,
    /** Not taken: the instance is not live and the server holds as many instances as it may. */
    TOO_MANY_INSTANCES,
    /** Not taken: the connection addresses as many distinct instances as one connection may. */
    TOO_MANY_FOR_CONNECTION,
    /** Not taken: the connection has closed; nobody is left to answer. */
    CLOSED
}
