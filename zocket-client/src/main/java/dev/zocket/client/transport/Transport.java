package dev.zocket.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens connections to a server: the JDK WebSocket for {@code ZocketClient}, an in-memory link
 * in the test kit.
 *
 * <p><b>Threading.</b> The client never calls a transport or a link while holding its own
 * lock, so an implementation may deliver events on the calling thread (answer a {@code send}
 * synchronously, say). {@link #open} may be called from any thread; a link's {@code send}s come
 * one at a time, in order; a listener's calls must not overlap, except {@code onAlive}, which
 * may come from any thread at any time.
 */
public interface Transport {

    /**
     * Opens one connection. The listener may hear from the link before the returned future
     * completes, even that it closed; the client then closes the link it is given, unused.
     *
     * @param connectTimeout how long to wait for the handshake; zero for no limit
     * @return the open link, or a failed future if the connection could not be made
     */
    CompletableFuture<Link> open(URI url, Duration connectTimeout, LinkListener listener);

    /** One open connection. Sends are queued and written in order. */
    interface Link {

        /** Queues a text message. */
        void send(String text);

        /** Closes the connection normally; the listener hears {@code onClosed}. */
        void close();

        /**
         * Sends a WebSocket ping, whose pong the listener hears as {@link LinkListener#onAlive}.
         * The client pings a link that has been silent for its heartbeat interval.
         *
         * @return {@code false} if this link cannot ping (the default); the client then takes the
         *     link to be alive, and does not check it
         */
        default boolean ping() {
            return false;
        }
    }

    /** What a link reports. Calls for one link never overlap. */
    interface LinkListener {

        void onMessage(String text);

        /**
         * The peer showed it is alive without sending a message: a pong answering
         * {@link Link#ping}, or a ping of its own.
         */
        default void onAlive() {}

        /** The connection ended, by either side or by failure; called at most once. */
        void onClosed(int code, String reason);
    }
}
