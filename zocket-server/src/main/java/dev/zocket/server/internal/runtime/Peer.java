package dev.zocket.server.internal.runtime;

import dev.zocket.server.Caller;

/** A client connection as an actor instance sees it. */
public interface Peer {

    String clientId();

    Caller caller();

    /** Sends a message; dropped if the connection has closed. */
    void send(OutgoingMessage message);

    /** Sends the result of an RPC and frees the connection's in-flight slot for it. */
    void reply(OutgoingMessage result);
}
