package dev.zocket.testkit.internal;

import dev.zocket.client.transport.Transport;
import dev.zocket.server.Principal;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.session.ClientConnection;
import dev.zocket.server.internal.session.Session;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Connects a client engine straight to a host's protocol handler: frames are the same JSON
 * text as on a WebSocket, with no socket in between.
 */
public final class InMemoryTransport implements Transport {

    private final ActorHost host;
    private final Principal principal;
    private final Consumer<String> received;
    private volatile Connection current;

    /**
     * @param received told every frame the server sends this client, before the client sees it
     */
    public InMemoryTransport(ActorHost host, Principal principal, Consumer<String> received) {
        this.host = host;
        this.principal = principal;
        this.received = received;
    }

    @Override
    public CompletableFuture<Link> open(URI url, Duration connectTimeout, LinkListener listener) {
        Connection connection = new Connection(listener);
        current = connection;
        connection.session = host.protocol().open(connection, principal);
        return CompletableFuture.completedFuture(connection);
    }

    /** Cuts the current connection as a network failure would: both sides see it close. */
    public void drop() {
        Connection connection = current;
        if (connection != null) {
            connection.closeBothSides(1006, "Connection dropped by the test");
        }
    }

    private final class Connection implements Link, ClientConnection {
        private final LinkListener listener;
        private Session session;
        private boolean open = true;

        Connection(LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            if (isOpen()) {
                host.protocol().receive(session, text);
            }
        }

        @Override
        public void close() {
            closeBothSides(1000, "");
        }

        /** Answered at once, as a live server answers: an in-memory link cannot go silent. */
        @Override
        public boolean ping() {
            if (isOpen()) {
                listener.onAlive();
            }
            return true;
        }

        @Override
        public void send(OutgoingMessage message) {
            if (isOpen()) {
                String text = message.text();
                received.accept(text);
                listener.onMessage(text);
            }
        }

        @Override
        public void close(int code, String reason) {
            closeBothSides(code, reason);
        }

        private synchronized boolean isOpen() {
            return open;
        }

        private void closeBothSides(int code, String reason) {
            synchronized (this) {
                if (!open) {
                    return;
                }
                open = false;
            }
            host.protocol().closed(session);
            listener.onClosed(code, reason);
        }
    }
}
