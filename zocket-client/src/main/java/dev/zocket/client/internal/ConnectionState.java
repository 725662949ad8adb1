package dev.zocket.client.internal;

import dev.zocket.Subscription;
import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.ConnectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the connection stands: its {@link ConnectionStatus}, the client id of the current link,
 * which connection attempt is the current one, the reconnection backoff, and why the last
 * attempt failed (so that errors can say it).
 *
 * <p><b>Threading.</b> Not thread-safe: the engine calls it under its lock, except
 * {@link #onStatusChange}, which any thread may call. It never opens, closes or reads a link;
 * status listeners are handed to the operation's {@link Deferred}.
 */
final class ConnectionState {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionState.class);

    private final ClientOptions options;
    private final List<Consumer<? super ConnectionStatus>> listeners = new CopyOnWriteArrayList<>();
    private ConnectionStatus status = ConnectionStatus.CONNECTING;
    private String clientId;
    private boolean closed;
    private boolean everConnected;
    private int attempt;
    private int failedAttempts;
    private TimerSlot reconnectTimer;
    private String lastFailure;
    private Throwable lastFailureCause;

    ConnectionState(ClientOptions options) {
        this.options = options;
    }

    Subscription onStatusChange(Consumer<? super ConnectionStatus> listener) {
        listeners.add(listener);
        AtomicBoolean active = new AtomicBoolean(true);
        return () -> {
            if (active.compareAndSet(true, false)) {
                listeners.remove(listener);
            }
        };
    }

    ConnectionStatus status() {
        return status;
    }

    Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    boolean isClosed() {
        return closed;
    }

    boolean everConnected() {
        return everConnected;
    }

    /** Starts a new attempt; events of links from earlier attempts are ignored from now on. */
    int beginAttempt() {
        reconnectTimer = null;
        return ++attempt;
    }

    /** Whether {@code attempt}'s link is the one that counts. */
    boolean isCurrent(int candidate) {
        return candidate == attempt && !closed;
    }

    /** The attempt's link opened; returns whether it is the client's first connection. */
    boolean opened(Deferred deferred) {
        boolean first = !everConnected;
        everConnected = true;
        failedAttempts = 0;
        lastFailure = null;
        lastFailureCause = null;
        changeStatus(ConnectionStatus.CONNECTED, deferred);
        return first;
    }

    void welcomed(String id) {
        clientId = id;
    }

    /** The link closed, or never opened: remember why, for the errors that follow. */
    void lost(String why, Throwable cause) {
        LOG.debug("Connection to {} lost: {}", options.url(), why);
        clientId = null;
        lastFailure = why;
        lastFailureCause = cause;
    }

    /** Reconnection is on: a status change if a connection had opened, and the delay to wait. */
    Duration reconnecting(Deferred deferred) {
        if (everConnected) {
            changeStatus(ConnectionStatus.RECONNECTING, deferred);
        }
        return options.reconnectDelay().orElseGet(() -> backoff(++failedAttempts));
    }

    void awaitReconnect(TimerSlot timer) {
        reconnectTimer = timer;
    }

    /** Whether {@code timer} is the reconnection still wanted. */
    boolean isPendingReconnect(TimerSlot timer) {
        return !closed && reconnectTimer == timer;
    }

    void disconnected(Deferred deferred) {
        changeStatus(ConnectionStatus.DISCONNECTED, deferred);
    }

    /** Closes for good; returns the reconnection timer to cancel, if any. */
    TimerSlot close(Deferred deferred) {
        closed = true;
        changeStatus(ConnectionStatus.DISCONNECTED, deferred);
        TimerSlot pending = reconnectTimer;
        reconnectTimer = null;
        return pending;
    }

    /**
     * Why there is no connection, naming the URL: {@code Could not connect to ws://host:3001:
     * connection refused}; {@code fallback} stands in for the cause while no attempt has failed.
     */
    ConnectionException cannotConnect(String prefix, String fallback) {
        String cause = lastFailure != null ? lastFailure : fallback;
        return new ConnectionException(prefix + "Could not connect to " + options.url() + ": " + cause,
                lastFailureCause);
    }

    private void changeStatus(ConnectionStatus next, Deferred deferred) {
        if (status == next) {
            return;
        }
        status = next;
        deferred.callback(() -> {
            for (Consumer<? super ConnectionStatus> listener : listeners) {
                Callbacks.safely("A status listener", () -> listener.accept(next));
            }
        });
    }

    /** 250 ms, 500 ms, 1 s, then 2 s, each plus up to 100 ms of jitter. */
    static Duration backoff(int attempt) {
        long base = Math.min(250L << Math.min(attempt - 1, 4), 2_000L);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(100));
    }
}
