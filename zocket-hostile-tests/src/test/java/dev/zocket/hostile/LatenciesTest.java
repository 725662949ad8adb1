package dev.zocket.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, in milliseconds. */
class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (int millis = 100; millis >= 1; millis--) {
            latencies.add(millis * 1_000_000L);
        }
        assertEquals(50.0, latencies.millis(50));
        assertEquals(99.0, latencies.millis(99));
        assertEquals(100.0, latencies.millis(100));
        assertEquals(1.0, latencies.millis(0.5));
    }

    @Test
    void noCallsHaveNoPercentiles() {
        assertTrue(Double.isNaN(new Latencies().millis(50)));
    }
}
