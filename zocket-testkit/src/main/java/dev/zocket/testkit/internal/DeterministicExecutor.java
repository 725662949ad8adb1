package dev.zocket.testkit.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every task of a kit on the thread that submitted the first one, to completion, before
 * that submission returns. A task submitted while another runs is queued behind it (never run
 * inside it), so actor messages and client callbacks keep their ordering and never nest. A
 * handler call made from a test therefore returns with everything it caused already done.
 */
public final class DeterministicExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(DeterministicExecutor.class);

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.error("A task failed in the test kit", e);
            }
        }
    }
}
