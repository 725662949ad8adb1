package dev.zocket.client.internal;

import dev.zocket.client.transport.Transport;
import dev.zocket.protocol.ClientMessage;
import dev.zocket.protocol.ProtocolCodec;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current link, and the messages on their way to it, in the order the engine decided them.
 * A message queued while no link is attached is dropped: what must survive a reconnection (the
 * subscriptions, the calls not yet sent) is re-sent from the engine's state when the next link
 * opens.
 *
 * <p><b>Threading.</b> {@link #attach}, {@link #detach} and the {@code send} methods are called
 * under the engine's lock, so the queue order is the order of the engine's decisions.
 * {@link #flush} is called after the lock is released, from any thread; one thread at a time
 * writes, the others leave their messages to it, so the order survives concurrency. The
 * outbox's own monitor is held only to touch the queue, never while writing.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private record Outgoing(Transport.Link link, String text) {}

    private final ProtocolCodec protocol;
    private final Queue<Outgoing> queue = new ArrayDeque<>();
    private Transport.Link link;
    private boolean flushing;

    Outbox(ProtocolCodec protocol) {
        this.protocol = protocol;
    }

    synchronized void attach(Transport.Link opened) {
        link = opened;
    }

    /** Detaches the current link, if any, and returns it. */
    synchronized Transport.Link detach() {
        Transport.Link detached = link;
        link = null;
        return detached;
    }

    synchronized boolean isAttached() {
        return link != null;
    }

    void send(ClientMessage message) {
        sendText(protocol.encodeToString(message));
    }

    synchronized void sendText(String text) {
        if (link != null) {
            queue.add(new Outgoing(link, text));
        }
    }

    /** Writes the queued messages, unless another thread is already doing it. */
    void flush() {
        while (true) {
            Outgoing next;
            synchronized (this) {
                if (flushing) {
                    return; // the thread already flushing will write it
                }
                next = queue.poll();
                if (next == null) {
                    return;
                }
                flushing = true;
            }
            try {
                next.link().send(next.text());
            } catch (RuntimeException e) {
                LOG.debug("Send failed; the connection's close will be reported", e);
            } finally {
                synchronized (this) {
                    flushing = false;
                }
            }
        }
    }
}
