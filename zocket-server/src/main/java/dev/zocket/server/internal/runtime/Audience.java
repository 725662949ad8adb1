package dev.zocket.server.internal.runtime;

import dev.zocket.Viewer;
import dev.zocket.server.Caller;
import dev.zocket.spi.EventTarget;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections one actor instance knows: the clients that have interacted with it (whose
 * arrival and departure run {@code onConnect} and {@code onDisconnect}), and its state and event
 * subscribers, to whom it fans out what it commits. Keeps the metrics' counts of both.
 *
 * <p>Confined to the instance's mailbox, like the rest of the instance.
 */
final class Audience {

    private final ServerMetrics metrics;
    private final Map<String, Peer> clients = new LinkedHashMap<>();
    /** Each state subscriber with the viewer its view is computed for. */
    private final Map<Peer, Viewer> stateSubscribers = new LinkedHashMap<>();
    private final Set<Peer> eventSubscribers = new LinkedHashSet<>();

    Audience(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Adds a connection the first time it interacts with the instance.
     *
     * Whether the connection is still open does not matter: its disconnect comes after this
     * message in the same mailbox, and takes it out again.
     *
     * @return false if it already had
     */
    boolean join(Peer peer) {
        if (clients.containsKey(peer.clientId())) {
            return false;
        }
        clients.put(peer.clientId(), peer);
        metrics.clientsChanged(1);
        return true;
    }

    /** Removes a closed connection's subscriptions; returns whether it had any. */
    boolean dropSubscriptions(Peer peer) {
        int removed = (stateSubscribers.remove(peer) != null ? 1 : 0) + (eventSubscribers.remove(peer) ? 1 : 0);
        if (removed > 0) {
            metrics.subscriptionsChanged(-removed);
        }
        return removed > 0;
    }

    /** Removes a closed connection from the clients; returns whether it had been one. */
    boolean leave(Peer peer) {
        boolean wasClient = clients.remove(peer.clientId(), peer);
        if (wasClient) {
            metrics.clientsChanged(-1);
        }
        return wasClient;
    }

    /** Returns whether the subscription is new; subscribing twice counts once. */
    boolean subscribe(Peer peer, SubscriptionKind kind) {
        boolean added = kind == SubscriptionKind.STATE
                ? stateSubscribers.putIfAbsent(peer, viewerOf(peer.caller())) == null
                : eventSubscribers.add(peer);
        if (added) {
            metrics.subscriptionsChanged(1);
        }
        return added;
    }

    boolean unsubscribe(Peer peer, SubscriptionKind kind) {
        boolean removed = kind == SubscriptionKind.STATE
                ? stateSubscribers.remove(peer) != null
                : eventSubscribers.remove(peer);
        if (removed) {
            metrics.subscriptionsChanged(-1);
        }
        return removed;
    }

    /** The viewer a contract's views see for a caller. */
    static Viewer viewerOf(Caller caller) {
        return new Viewer(caller.clientId(), caller.userId(), caller.claims());
    }

    /** The state subscribers and their viewers, read-only. */
    Map<Peer, Viewer> stateSubscribers() {
        return Collections.unmodifiableMap(stateSubscribers);
    }

    /** Whether a state change has anyone to be patched; without one, the diff is skipped. */
    boolean hasStateSubscribers() {
        return !stateSubscribers.isEmpty();
    }

    boolean hasEventSubscribers() {
        return !eventSubscribers.isEmpty();
    }

    /** Sends a committed patch to every state subscriber. */
    void publishPatch(OutgoingMessage patch) {
        patch.fanOut(stateSubscribers.size(), () -> {
            for (Peer subscriber : stateSubscribers.keySet()) {
                subscriber.send(patch);
            }
        });
        metrics.delivered(patch, stateSubscribers.size());
    }

    /** Sends each audience's patch of a commit to that audience's subscribers. */
    void publishViewPatches(List<ViewFanout.Frame> frames) {
        for (ViewFanout.Frame frame : frames) {
            frame.message().fanOut(frame.recipients().size(), () -> {
                for (Peer subscriber : frame.recipients()) {
                    subscriber.send(frame.message());
                }
            });
            metrics.delivered(frame.message(), frame.recipients().size());
        }
    }

    /** Sends a committed event to the event subscribers its target includes, and to Studio's. */
    void publishEvent(OutgoingMessage event, EventTarget target) {
        int[] recipients = {0};
        event.fanOut(eventSubscribers.size(), () -> {
            for (Peer subscriber : eventSubscribers) {
                if (target.includes(subscriber.clientId()) || Privilege.holds(subscriber.caller())) {
                    subscriber.send(event);
                    recipients[0]++;
                }
            }
        });
        metrics.delivered(event, recipients[0]);
    }

    /** The clients, as a copy that stays valid while they leave. */
    List<Peer> clients() {
        return List.copyOf(clients.values());
    }

    Set<String> clientIds() {
        return Set.copyOf(clients.keySet());
    }

    /** The connections that hold this instance, Studio's own left out. */
    int clientsOtherThanPrivileged() {
        Set<Peer> peers = new java.util.HashSet<>(clients.values());
        peers.addAll(stateSubscribers.keySet());
        peers.addAll(eventSubscribers);
        peers.removeIf(peer -> Privilege.holds(peer.caller()));
        return peers.size();
    }

    /** Clients and subscriptions: while any remain, the instance is in use. */
    int size() {
        return clients.size() + stateSubscribers.size() + eventSubscribers.size();
    }

    /** Forgets everyone, for a deactivated instance. */
    void clear() {
        metrics.subscriptionsChanged(-(stateSubscribers.size() + eventSubscribers.size()));
        metrics.clientsChanged(-clients.size());
        stateSubscribers.clear();
        eventSubscribers.clear();
        clients.clear();
    }
}
