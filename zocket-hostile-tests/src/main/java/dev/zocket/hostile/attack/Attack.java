package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import java.util.List;

/**
 * One hostile client's behaviour, bounded in count and time, against a server on loopback.
 * {@link #launch} runs the attack and returns what it still holds open (its sockets), so the
 * suite checks the server while the attack's weight is on it.
 */
public interface Attack {

    /** A short name, for test names and the table. */
    String name();

    /** What the attacker does, in one line, for the table. */
    String description();

    /** {@code NAME=VALUE} limit settings for the attacked server (see {@code HostileServer}). */
    default List<String> serverLimits() {
        return List.of();
    }

    /** Runs the attack; returns once its bounded count or time is spent. */
    Engagement launch(ChildServer server) throws Exception;
}
