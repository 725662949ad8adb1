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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP proxy on loopback that forwards every connection to a server and, at random moments,
 * cuts one of them in both directions at once, without a close handshake: what a network blip
 * does to a WebSocket. Cuts happen while the proxy is {@linkplain #startCutting cutting}, up to a
 * total, so a test stays bounded. It can also {@linkplain #swallowEverything swallow} what crosses
 * the connections open at a moment: bytes are still read, so neither side's writes block, but
 * nothing is delivered and nothing is closed, as a network that silently drops packets does.
 */
final class ChaosProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "chaos-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-cutter");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Link> links = new ArrayList<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    /** One proxied connection: the client's socket and the server's, and which directions still deliver. */
    private static final class Link {
        final Socket client;
        final Socket server;
        volatile boolean upstreamSwallowed;
        volatile boolean downstreamSwallowed;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void cut() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    ChaosProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    String url() {
        return "ws://127.0.0.1:" + port();
    }

    /** Cuts every connection open now; returns how many. */
    int cutAll() {
        List<Link> open;
        synchronized (links) {
            open = new ArrayList<>(links);
            links.clear();
        }
        open.forEach(Link::cut);
        cuts.addAndGet(open.size());
        return open.size();
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

    /** How many connections have been cut so far. */
    int cuts() {
        return cuts.get();
    }

    /**
     * Cuts one random live connection every {@code minMillis} to {@code maxMillis}, until
     * {@code maxCuts} have been cut or the proxy closes.
     */
    void startCutting(long seed, int minMillis, int maxMillis, int maxCuts) {
        Random random = new Random(seed);
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            Link victim = null;
            synchronized (links) {
                links.removeIf(link -> link.client.isClosed() || link.server.isClosed());
                if (!links.isEmpty()) {
                    victim = links.remove(random.nextInt(links.size()));
                }
            }
            if (victim != null) {
                victim.cut();
                cuts.incrementAndGet();
            }
            if (cuts.get() < maxCuts && !listener.isClosed()) {
                cutter.schedule(next[0], minMillis + random.nextInt(maxMillis - minMillis + 1), TimeUnit.MILLISECONDS);
            }
        };
        cutter.schedule(next[0], minMillis, TimeUnit.MILLISECONDS);
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

    private static void pump(Socket from, Socket to, Link link, boolean upstream) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (upstream ? link.upstreamSwallowed : link.downstreamSwallowed) {
                    continue;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // cut, or closed by either end
        } finally {
            link.cut();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // a reset, as a dropped network gives, not an orderly close
        } catch (IOException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutter.shutdownNow();
        synchronized (links) {
            links.forEach(Link::cut);
            links.clear();
        }
        pumps.shutdownNow();
    }
}
