package dev.zocket.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Opens connections to a server. */
public interface Transport {

    /**
     * Opens one connection.
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
    }

    /** What a link reports. Calls for one link never overlap. */
    interface LinkListener {

        void onMessage(String text);

        /** The connection ended, by either side or by failure; called at most once. */
        void onClosed(int code, String reason);
    }
}
