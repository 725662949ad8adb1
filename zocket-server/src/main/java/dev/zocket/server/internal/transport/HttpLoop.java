package dev.zocket.server.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal HTTP/1.1 server on one thread and one selector, for the few small endpoints of
 * {@link HttpEndpoints}. Every exchange is one request and one response ({@code Connection:
 * close}), and must be over within a deadline from its first byte: a peer that sends half a
 * request, or never reads the answer, is cut when it expires, so it holds one small buffer and
 * no thread. The JDK's {@code HttpServer} reads requests with blocking reads on its executor's
 * threads, so a few such peers take every thread (see docs/architecture.md).
 */
final class HttpLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpLoop.class);

    /** Larger request heads (request line and headers) are answered 431. */
    static final int MAX_REQUEST_HEAD_BYTES = 8 * 1024;
    /** Sockets served at once; a new one beyond it closes the oldest. */
    static final int MAX_EXCHANGES = 256;
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    /** Answers one complete request; runs on the loop thread, so it must be quick. */
    interface Handler {
        /**
         * @param authorization the request's {@code Authorization} header, or {@code null}
         * @param host the request's {@code Host} header, or {@code null}
         * @param peer the address the request came from, or {@code null} if the socket no longer says
         */
        Response handle(String method, String target, String authorization, String host, InetAddress peer);
    }

    /** What to send back; {@code extraHeaders} are whole header lines, each ending in CRLF. */
    record Response(int status, String reason, String contentType, byte[] body, String extraHeaders) {}

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final long deadlineNanos;
    private final Thread thread;
    private final ByteBuffer discard = ByteBuffer.allocate(4096);
    private volatile boolean running = true;
    private int open;

    /** One socket's exchange: its request bytes so far, then its response. */
    private static final class Exchange {
        final long startedNanos;
        ByteBuffer request;
        ByteBuffer response;
        /** The answer is out and the output shut: discarding what the peer still sends until it closes. */
        boolean draining;

        Exchange(long startedNanos) {
            this.startedNanos = startedNanos;
        }
    }

    HttpLoop(InetSocketAddress address, Handler handler, Duration requestTimeout) throws IOException {
        this.handler = handler;
        this.deadlineNanos = requestTimeout.toNanos();
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.thread = new Thread(this, "zocket-http");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    void stop() {
        running = false;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        try {
            while (running) {
                selector.select(this::handle, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime())));
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    dropExpired(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The HTTP loop failed; HTTP endpoints are down", e);
        } catch (Error e) {
            FatalErrors.haltIfFatal(e);
            throw e;
        } finally {
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                closeQuietly(key);
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept();
            } else if (key.isReadable()) {
                read(key);
            } else if (key.isWritable()) {
                write(key);
            }
        } catch (IOException gone) {
            closeQuietly(key);
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
            if (open >= MAX_EXCHANGES) {
                closeOldest(); // so sockets held open by one client cannot keep /health from answering
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Exchange(System.nanoTime()));
            open++;
        }
    }

    private void read(SelectionKey key) throws IOException {
        Exchange exchange = (Exchange) key.attachment();
        if (exchange.draining) {
            drain(key);
            return;
        }
        if (exchange.request == null) {
            exchange.request = ByteBuffer.allocate(MAX_REQUEST_HEAD_BYTES);
        }
        ByteBuffer request = exchange.request;
        int before = request.position();
        if (((SocketChannel) key.channel()).read(request) < 0) {
            closeQuietly(key);
            return;
        }
        int end = headEnd(request, Math.max(0, before - HEAD_END.length + 1));
        if (end >= 0) {
            respond(key, exchange, parse(request.array(), end, peerOf(key)));
        } else if (!request.hasRemaining()) {
            respond(key, exchange, status(431, "Request Header Fields Too Large"));
        }
    }

    /** The index just past the blank line that ends the head, or -1 if it has not arrived. */
    private static int headEnd(ByteBuffer buffer, int from) {
        byte[] bytes = buffer.array();
        for (int i = from; i + HEAD_END.length <= buffer.position(); i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + HEAD_END.length;
            }
        }
        return -1;
    }

    private static InetAddress peerOf(SelectionKey key) {
        try {
            return ((SocketChannel) key.channel()).getRemoteAddress() instanceof InetSocketAddress address
                    ? address.getAddress() : null;
        } catch (IOException gone) {
            return null;
        }
    }

    private Response parse(byte[] bytes, int end, InetAddress peer) {
        String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            return status(400, "Bad Request");
        }
        try {
            return handler.handle(requestLine[0], requestLine[1], header(head, "authorization"), header(head, "host"),
                    peer);
        } catch (RuntimeException e) {
            LOG.error("Answering {} {} failed", requestLine[0], requestLine[1], e);
            return status(500, "Internal Server Error");
        }
    }

    /** The value of the first header named {@code lowerCaseName}, or {@code null}. */
    private static String header(String head, String lowerCaseName) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    static Response status(int status, String reason) {
        return new Response(status, reason, "text/plain; charset=utf-8", reason.getBytes(StandardCharsets.UTF_8), "");
    }

    private void respond(SelectionKey key, Exchange exchange, Response response) throws IOException {
        boolean headOnly = new String(exchange.request.array(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD ");
        exchange.request = null;
        byte[] head = ("HTTP/1.1 " + response.status() + " " + response.reason() + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + response.body().length + "\r\n"
                + "Cache-Control: no-cache\r\n"
                + response.extraHeaders()
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(head.length + (headOnly ? 0 : response.body().length));
        out.put(head);
        if (!headOnly) {
            out.put(response.body());
        }
        exchange.response = out.flip();
        key.interestOps(SelectionKey.OP_WRITE);
        write(key);
    }

    private void write(SelectionKey key) throws IOException {
        Exchange exchange = (Exchange) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        channel.write(exchange.response);
        if (!exchange.response.hasRemaining()) {
            // Closing now, with request bytes unread, would reset the connection, and a reset can
            // make the peer drop the answer unread; so wait for its end (or the deadline) instead.
            channel.shutdownOutput();
            exchange.response = null;
            exchange.draining = true;
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void drain(SelectionKey key) throws IOException {
        int read;
        do {
            discard.clear();
            read = ((SocketChannel) key.channel()).read(discard);
        } while (read > 0);
        if (read < 0) {
            closeQuietly(key);
        }
    }

    private void closeOldest() {
        SelectionKey oldest = null;
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Exchange exchange && key.isValid() && (oldest == null
                    || exchange.startedNanos - ((Exchange) oldest.attachment()).startedNanos < 0)) {
                oldest = key;
            }
        }
        if (oldest != null) {
            closeQuietly(oldest);
        }
    }

    private void dropExpired(long now) {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            if (key.attachment() instanceof Exchange exchange && now - exchange.startedNanos > deadlineNanos) {
                LOG.debug("Dropping an HTTP exchange from {} that took longer than {} ms", key.channel(),
                        TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
                closeQuietly(key);
            }
        }
    }

    private void closeQuietly(SelectionKey key) {
        if (key.attachment() instanceof Exchange && key.isValid()) {
            open--;
        }
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
