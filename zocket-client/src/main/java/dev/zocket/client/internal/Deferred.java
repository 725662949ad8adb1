package dev.zocket.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operation decided, under the engine's lock, to do once the lock is released: the
 * engine's own calls out of the package (opening and closing links, arming and cancelling
 * timers), and the user's callbacks (listeners, future completions).
 *
 * <p><b>Threading.</b> Filled by one operation under the lock, then drained by the same thread
 * after the lock is released (see {@link EngineLock}); never shared.
 */
final class Deferred {

    private static final Logger LOG = LoggerFactory.getLogger(Deferred.class);

    private final List<Runnable> actions = new ArrayList<>();
    private final List<Runnable> callbacks = new ArrayList<>();

    /** Runs {@code action} on the releasing thread, in order with the operation's other actions. */
    void action(Runnable action) {
        actions.add(action);
    }

    /** Hands {@code callback} to the client's serial callback executor, in order. */
    void callback(Runnable callback) {
        callbacks.add(callback);
    }

    void dispatchCallbacks(Executor events) {
        for (Runnable callback : callbacks) {
            events.execute(callback);
        }
    }

    void runActions() {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("A client engine action failed; the client carries on", e);
            }
        }
    }
}
