package dev.zocket.client.internal;

import dev.zocket.client.transport.Transport;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Checks that one link is alive. Whatever arrives on it (a message, a pong, a ping) counts as a
 * sign of life. Once the link has been silent for the interval it is pinged; if it is still
 * silent one interval after that, it is declared dead. So a link whose peer went away without a
 * close (a network that drops packets, a lost end of stream) is noticed within two intervals of
 * its last sign of life, instead of when calls time out.
 *
 * <p>One timer at a time, armed for when the silence would reach the next mark, so a busy link
 * costs a volatile write per message and one timer per interval, not one per message.
 *
 * <p><b>Threading.</b> {@link #heard} is called from any thread (the link's); the rest under the
 * engine's lock, like the timer's expiry.
 */
final class Heartbeat {

    private final long intervalNanos;
    private final Timers timers;
    private volatile long lastHeard;

    private Transport.Link link;
    private Consumer<Deferred> onDead;
    private TimerSlot timer;
    private boolean pinged;
    private long pingedAt;
    private boolean stopped;

    /** A zero {@code interval} never checks anything. */
    Heartbeat(Duration interval, Timers timers) {
        this.intervalNanos = interval.toNanos();
        this.timers = timers;
    }

    /** A sign of life arrived. */
    void heard() {
        lastHeard = timers.nanoTime();
    }

    /** Starts checking {@code opened}; {@code onDead} runs under the lock if it goes silent. */
    void start(Transport.Link opened, Consumer<Deferred> onDead, Deferred deferred) {
        if (intervalNanos == 0 || stopped) {
            return;
        }
        this.link = opened;
        this.onDead = onDead;
        heard(); // opening counts as hearing from it
        arm(intervalNanos, deferred);
    }

    /** Stops checking, for good. */
    void stop(Deferred deferred) {
        stopped = true;
        timers.cancel(timer, deferred);
        timer = null;
    }

    private void arm(long delayNanos, Deferred deferred) {
        timer = timers.after(Duration.ofNanos(delayNanos), this::check, deferred);
    }

    /**
     * Judges by what was heard since the ping, not by how long ago something was heard: a timer
     * that fires late on a busy machine must not condemn a link whose pong came in time.
     */
    private void check(TimerSlot fired, Deferred deferred) {
        if (stopped || fired != timer) {
            return;
        }
        long now = timers.nanoTime();
        if (pinged && lastHeard - pingedAt < 0) {
            long waited = now - pingedAt;
            if (waited < intervalNanos) {
                arm(intervalNanos - waited, deferred);
            } else {
                stop(deferred);
                onDead.accept(deferred);
            }
            return;
        }
        pinged = false;
        long silence = now - lastHeard;
        if (silence < intervalNanos) {
            arm(intervalNanos - silence, deferred);
            return;
        }
        pinged = true;
        pingedAt = now;
        Transport.Link pinging = link;
        deferred.action(() -> {
            if (!pinging.ping()) {
                heard(); // a link that cannot ping is taken at its word
            }
        });
        arm(intervalNanos, deferred);
    }
}
