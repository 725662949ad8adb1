package dev.zocket.bench;

import dev.zocket.Actor;

/**
 * The fan-out benchmark's actor: one writer stamps each change with its send time, and every
 * subscriber measures how long the patch took to reach it (same JVM, same clock).
 */
@Actor("ticker")
public interface Ticker {

    record State(long seq, long sentAtNanos) implements TickerStateWithers {}

    record Tick(long seq, long sentAtNanos) {}

    void tick(Tick tick);
}
