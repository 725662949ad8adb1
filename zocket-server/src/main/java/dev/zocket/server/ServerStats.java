package dev.zocket.server;

/**
 * Live counts of what a server (or a test kit) holds, read-only: each call returns the current
 * value. For dashboards and alerts use the Micrometer meters instead (docs/server.md lists
 * them); these getters serve diagnostics and tests.
 *
 * <pre>{@code
 * assertEquals(0, server.metrics().subscriptions(), "no subscription leaked");
 * }</pre>
 *
 * <p>Safe to read from any thread.
 */
public interface ServerStats {

    /** Open client connections. */
    long connections();

    /** Actor instances in memory. */
    long liveInstances();

    /** Event and state subscriptions held by connections. */
    long subscriptions();

    /** Connections attached to actor instances, counted once per connection and instance. */
    long attachedClients();
}
