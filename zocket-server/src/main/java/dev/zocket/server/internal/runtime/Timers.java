package dev.zocket.server.internal.runtime;

import dev.zocket.Subscription;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An actor instance's pending timers. Each fires as a message of the instance's mailbox, so it
 * runs like any other message; all are cancelled when the instance deactivates.
 *
 * <p>Confined to the mailbox, except that the {@link Subscription} {@link #schedule} returns may
 * be called from any thread: it queues the cancellation as a message.
 */
final class Timers {

    private final Mailbox mailbox;
    private final TimeSource time;
    private final Consumer<Runnable> run;
    private final Runnable countChanged;
    private final Set<Timer> pending = new LinkedHashSet<>();

    /**
     * @param run runs a timer's task when it fires (as a transaction of the instance)
     * @param countChanged told whenever {@link #size()} changes
     */
    Timers(Mailbox mailbox, TimeSource time, Consumer<Runnable> run, Runnable countChanged) {
        this.mailbox = mailbox;
        this.time = time;
        this.run = run;
        this.countChanged = countChanged;
    }

    Subscription schedule(Duration delay, Runnable task) {
        Timer timer = new Timer(task);
        pending.add(timer);
        countChanged.run();
        timer.scheduled = time.schedule(delay, () -> mailbox.offer(() -> fire(timer), false));
        return () -> mailbox.offer(() -> {
            timer.cancel();
            if (pending.remove(timer)) {
                countChanged.run();
            }
        }, false);
    }

    private void fire(Timer timer) {
        if (!pending.remove(timer) || timer.cancelled) {
            return;
        }
        countChanged.run();
        run.accept(timer.task);
    }

    int size() {
        return pending.size();
    }

    void cancelAll() {
        for (Timer timer : pending) {
            timer.cancel();
        }
        pending.clear();
    }

    private static final class Timer {
        final Runnable task;
        Subscription scheduled;
        boolean cancelled;

        Timer(Runnable task) {
            this.task = task;
        }

        void cancel() {
            cancelled = true;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
