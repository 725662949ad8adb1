package dev.zocket.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.transport.Transport;
import dev.zocket.protocol.ProtocolCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When the heartbeat pings and when it gives a link up, on a clock the test moves: timers that
 * fire late must not condemn a link that answered, and a busy link is never pinged.
 */
class HeartbeatJudgementTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final SteppedClock clock = new SteppedClock();
    private final EngineLock lock = new EngineLock(new Outbox(ProtocolCodec.standard()), Runnable::run);
    private final Timers timers = new Timers(clock, Runnable::run, lock);
    private final CountingLink link = new CountingLink(true);
    private int deaths;

    private Heartbeat started(Duration interval, Transport.Link on) {
        Heartbeat heartbeat = new Heartbeat(interval, timers);
        lock.run(deferred -> heartbeat.start(on, dead -> deaths++, deferred));
        return heartbeat;
    }

    @Test
    void aSilentLinkIsPingedAfterOneIntervalAndGivenUpAfterTwo() {
        started(INTERVAL, link);

        clock.advance(Duration.ofSeconds(9));
        assertEquals(0, link.pings);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, link.pings);
        clock.advance(Duration.ofSeconds(9));
        assertEquals(0, deaths);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, deaths);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, deaths, "once given up, never judged again");
        assertEquals(1, link.pings);
    }

    @Test
    void anAnsweredPingKeepsTheLinkAndTheNextPingComesAnIntervalAfterTheAnswer() {
        Heartbeat heartbeat = started(INTERVAL, link);
        clock.advance(INTERVAL);
        clock.advance(Duration.ofSeconds(2));
        heartbeat.heard(); // the pong, at 12 s

        clock.advance(Duration.ofSeconds(9));
        assertEquals(1, link.pings);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, link.pings, "pinged at 22 s, ten seconds after the pong");
        assertEquals(0, deaths);
    }

    @Test
    void aCheckThatComesLateDoesNotGiveUpALinkThatAnsweredItsPing() {
        Heartbeat heartbeat = started(INTERVAL, link);
        clock.advance(INTERVAL);
        clock.advance(Duration.ofSeconds(1));
        heartbeat.heard(); // the pong, at 11 s

        clock.jump(Duration.ofSeconds(25)); // a busy machine: the check due at 20 s runs at 36 s
        assertEquals(0, deaths, "the pong came after the ping");
        assertEquals(2, link.pings, "25 s of silence since the pong: pinged again");
    }

    @Test
    void aBusyLinkIsNeverPinged() {
        Heartbeat heartbeat = started(INTERVAL, link);
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(4));
            heartbeat.heard();
        }
        assertEquals(0, link.pings);
        assertEquals(0, deaths);
    }

    @Test
    void aLinkThatCannotPingIsTakenToBeAlive() {
        CountingLink mute = new CountingLink(false);
        started(INTERVAL, mute);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, deaths);
        assertTrue(mute.pings > 0);
    }

    @Test
    void aStoppedHeartbeatAndAZeroIntervalCheckNothing() {
        Heartbeat stopped = started(INTERVAL, link);
        lock.run(stopped::stop);
        started(Duration.ZERO, link);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, link.pings);
        assertEquals(0, deaths);
        assertFalse(clock.hasTimers(), "nothing left armed");
    }

    /** A link that counts its pings and answers none. */
    private static final class CountingLink implements Transport.Link {
        private final boolean canPing;
        int pings;

        CountingLink(boolean canPing) {
            this.canPing = canPing;
        }

        @Override
        public void send(String text) {}

        @Override
        public void close() {}

        @Override
        public boolean ping() {
            pings++;
            return canPing;
        }
    }
}
