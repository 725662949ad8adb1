package dev.zocket.hostile;

import java.util.List;

/**
 * What one attack did: the innocent client's latencies before and during it, the live heap at
 * its peak, and every requirement it broke (none when the server withstood it).
 *
 * @param liveHeapBytes heap in use after full collections while the attack held on, or -1 if
 *     the server did not say
 */
public record TrialResult(String attack, String description, Latencies baseline, Latencies during,
        long liveHeapBytes, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
