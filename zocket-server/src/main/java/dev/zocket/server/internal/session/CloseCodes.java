package dev.zocket.server.internal.session;

/** The WebSocket close codes the server uses, and why. */
public final class CloseCodes {

    /** The server is shutting down. */
    public static final int GOING_AWAY = 1001;
    /** The client kept sending messages that are not valid Zocket messages. */
    public static final int POLICY_VIOLATION = 1008;
    /** The client read too slowly and its outgoing buffer passed the limit; reconnect to resync. */
    public static final int TRY_AGAIN_LATER = 1013;

    private CloseCodes() {}
}
