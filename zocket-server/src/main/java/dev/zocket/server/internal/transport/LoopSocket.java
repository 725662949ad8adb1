package dev.zocket.server.internal.transport;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketListener;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;

/**
 * One connection: Java-WebSocket's protocol state (handshake, framing, close handshake) plus what
 * its {@link EventLoop} tracks for it. Only the loop reads from the channel or changes its
 * interest; any thread may queue frames.
 */
final class LoopSocket extends WebSocketImpl {

    final EventLoop loop;
    final SocketChannel channel;
    final InetSocketAddress remoteAddress;
    final InetSocketAddress localAddress;
    final long acceptedAtNanos;
    /** Set while a flush is requested and not yet started, so many sends cost one request. */
    final AtomicBoolean flushRequested = new AtomicBoolean();

    // Loop thread only.
    long lastHeardNanos;
    long handshakeBytes;
    boolean pingOutstanding;

    LoopSocket(WebSocketListener listener, List<Draft> drafts, EventLoop loop, SocketChannel channel,
            InetSocketAddress remoteAddress, InetSocketAddress localAddress, long acceptedAtNanos) {
        super(listener, drafts);
        this.loop = loop;
        this.channel = channel;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.acceptedAtNanos = acceptedAtNanos;
        this.lastHeardNanos = acceptedAtNanos;
        setChannel(channel);
    }
}
