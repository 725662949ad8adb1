package dev.zocket.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP proxy on loopback that forwards connections to a server until told to swallow what
 * crosses the connections open at that moment: bytes are still read, so neither side's writes
 * block, but nothing is delivered and nothing is closed. What a network that silently drops
 * packets does to a WebSocket: no FIN, no RST, no close frame. Connections made afterwards are
 * forwarded normally.
 */
final class BlackHoleProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "black-hole-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Link> links = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    /** One proxied connection, and which of its directions still deliver. */
    private static final class Link {
        final Socket client;
        final Socket server;
        volatile boolean upstreamSwallowed;
        volatile boolean downstreamSwallowed;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    BlackHoleProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    String url() {
        return "ws://127.0.0.1:" + listener.getLocalPort();
    }

    /** How many connections the proxy has accepted so far. */
    int connections() {
        return connections.get();
    }

    /** From now on, the connections open now deliver nothing, either way. */
    void swallowEverything() {
        forEachOpenLink(link -> {
            link.upstreamSwallowed = true;
            link.downstreamSwallowed = true;
        });
    }

    /** From now on, the connections open now deliver nothing from the server to the client. */
    void swallowReplies() {
        forEachOpenLink(link -> link.downstreamSwallowed = true);
    }

    private void forEachOpenLink(Consumer<Link> change) {
        synchronized (links) {
            links.forEach(change);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(upstream, 5_000);
                } catch (IOException refused) {
                    closeQuietly(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server);
                synchronized (links) {
                    links.add(link);
                }
                connections.incrementAndGet();
                pumps.execute(() -> pump(client, server, link, true));
                pumps.execute(() -> pump(server, client, link, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, Link link, boolean up) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (up ? link.upstreamSwallowed : link.downstreamSwallowed) {
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // closed by either end, or by the proxy
        } finally {
            link.close();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (links) {
            links.forEach(Link::close);
            links.clear();
        }
        pumps.shutdownNow();
    }
}
