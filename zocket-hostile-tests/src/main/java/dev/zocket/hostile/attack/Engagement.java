package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import java.util.ArrayList;
import java.util.List;

/**
 * What an attack holds once it has run: its sockets, and the checks of the behaviour the issue
 * requires of this attack in particular (on top of the checks every attack gets).
 */
public class Engagement implements AutoCloseable {

    private final List<AutoCloseable> held = new ArrayList<>();

    /** Holds {@code resource} open until the engagement is closed. */
    public synchronized <T extends AutoCloseable> T hold(T resource) {
        held.add(resource);
        return resource;
    }

    /**
     * Checks what this attack must leave behind, throwing {@link AssertionError} if it is not so.
     * Runs while the attack's sockets are still open.
     */
    public void verify(ChildServer server) throws Exception {}

    @Override
    public synchronized void close() {
        for (AutoCloseable resource : held) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing an attack's leftovers; nothing to learn from a failure
            }
        }
        held.clear();
    }
}
