package dev.zocket.server.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.ErrorCode;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.RpcResult;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallOutcomesTest {

    private static final long SECOND = 1_000_000_000L;

    /** The semantics CallOutcomes packs into arrays, written the obvious way. */
    private static final class Model {
        private record Kept(CallOutcomes.Outcome outcome, int bytes, long recordedNanos) {}

        private final LinkedHashMap<String, Kept> byKey = new LinkedHashMap<>();
        private final int maxCount;
        private final long maxBytes;
        private final long retentionNanos;
        private long bytes;

        Model(int maxCount, long maxBytes, long retentionNanos) {
            this.maxCount = maxCount;
            this.maxBytes = maxBytes;
            this.retentionNanos = retentionNanos;
        }

        CallOutcomes.Outcome find(String key, long now) {
            Iterator<Kept> oldestFirst = byKey.values().iterator();
            while (oldestFirst.hasNext()) {
                Kept oldest = oldestFirst.next();
                if (now - oldest.recordedNanos() < retentionNanos) {
                    break;
                }
                bytes -= oldest.bytes();
                oldestFirst.remove();
            }
            Kept kept = byKey.get(key);
            return kept == null ? null : kept.outcome();
        }

        void record(String key, CallOutcomes.Outcome outcome, long now) {
            Kept replaced = byKey.remove(key);
            if (replaced != null) {
                bytes -= replaced.bytes();
            }
            Kept kept = new Kept(outcome, CallOutcomes.sizeOf(key, outcome), now);
            byKey.put(key, kept);
            bytes += kept.bytes();
            Iterator<Kept> oldestFirst = byKey.values().iterator();
            while ((byKey.size() > maxCount || bytes > maxBytes) && byKey.size() > 1) {
                bytes -= oldestFirst.next().bytes();
                oldestFirst.remove();
            }
        }
    }

    @Test
    void behavesLikeAnInsertionOrderedMapBoundedInCountBytesAndAgeOverRandomHistories() {
        for (int seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            checkAgainstTheModel(seed, random, 1 + random.nextInt(40), 150 + random.nextInt(4_000),
                    1 + random.nextInt(80), 600, 4);
        }
    }

    @Test
    void behavesLikeTheMapAtTheDefaultBoundsWithManyKeys() {
        for (int seed = 0; seed < 5; seed++) {
            Random random = new Random(seed);
            // Time rarely jumps, so the count and byte bounds, not age, do most of the forgetting.
            checkAgainstTheModel(seed, random, 1_000, 256 * 1024, 4_000, 30_000, 3_000);
        }
    }

    /** Random records and lookups; one step in {@code jumpEvery} moves time up to a quarter of the retention. */
    private static void checkAgainstTheModel(int seed, Random random, int maxCount, long maxBytes, int keys,
            int steps, int jumpEvery) {
        long retention = (1 + random.nextInt(20)) * SECOND;
        CallOutcomes outcomes = new CallOutcomes(maxCount, maxBytes, Duration.ofNanos(retention));
        Model model = new Model(maxCount, maxBytes, retention);
        long now = random.nextLong() / 2; // nanoTime may be anywhere, negative too
        for (int step = 0; step < steps; step++) {
            now += random.nextInt(jumpEvery) == 0 ? (long) (random.nextDouble() * retention / 4) : random.nextInt(1_000);
            String key = key(random, keys);
            if (random.nextInt(3) == 0) {
                CallOutcomes.Outcome outcome = randomOutcome(random);
                outcomes.record(key, outcome, now);
                model.record(key, outcome, now);
            } else {
                assertEquals(model.find(key, now), outcomes.find(key, now), "seed " + seed + ", step " + step);
            }
            assertEquals(model.byKey.size(), outcomes.size(), "seed " + seed + ", step " + step);
            assertEquals(model.bytes, outcomes.bytes(), "seed " + seed + ", step " + step);
        }
        for (String kept : Set.copyOf(model.byKey.keySet())) {
            assertEquals(model.find(kept, now), outcomes.find(kept, now), "seed " + seed);
        }
    }

    @Test
    void keysThatCountUpOrCollideAsStringsStillSpreadOverTheIndex() {
        CallOutcomes counted = new CallOutcomes(1_000, Long.MAX_VALUE, Duration.ofMinutes(10));
        CallOutcomes colliding = new CallOutcomes(1_000, Long.MAX_VALUE, Duration.ofMinutes(10));
        CallOutcomes.Outcome outcome = CallOutcomes.Outcome.returned("d", "1");
        for (int call = 1; call <= 5_000; call++) {
            // The shape of a Java client's keys: a fixed random prefix, then a base-36 counter.
            counted.record("3q2-7wAAAAAAAAAAAAAAAA." + Long.toString(call, 36), outcome, call);
            // Strings of "Aa" and "BB" all share one String.hashCode().
            StringBuilder key = new StringBuilder();
            for (int bit = 0; bit < 13; bit++) {
                key.append((call >> bit & 1) == 0 ? "Aa" : "BB");
            }
            colliding.record(key.toString(), outcome, call);
        }
        assertEquals(1_000, counted.size());
        assertEquals(1_000, colliding.size());
        // A thousand keys in an index of 4,096 positions. With the hash seeded at random the
        // longest run was 11 to 43 over 300 instances of each; String.hashCode gave 973.
        assertTrue(counted.longestIndexRun() < 150, counted.longestIndexRun() + " in a row");
        assertTrue(colliding.longestIndexRun() < 150, colliding.longestIndexRun() + " in a row");
    }

    @Test
    void theNewestOutcomeIsKeptEvenAlonePastTheByteBound() {
        CallOutcomes outcomes = new CallOutcomes(10, 100, Duration.ofMinutes(10));
        outcomes.record("small", CallOutcomes.Outcome.returned("d1", "1"), 0);
        CallOutcomes.Outcome large = CallOutcomes.Outcome.returned("d2", "\"" + "x".repeat(500) + "\"");
        outcomes.record("large", large, 1);
        assertEquals(large, outcomes.find("large", 2));
        assertNull(outcomes.find("small", 2));
        assertEquals(1, outcomes.size());
    }

    @Test
    void aReplayCarriesTheRepeatsIdAndTheFirstCallsOutcome() {
        JsonCodec json = JsonCodec.standard();
        CallOutcomes outcomes = new CallOutcomes(10, 10_000, Duration.ofMinutes(10));
        outcomes.record("value", CallOutcomes.Outcome.returned("d", "{\"n\":\"é\"}"), 0);
        outcomes.record("void", CallOutcomes.Outcome.returned("d", null), 0);
        outcomes.record("failure", CallOutcomes.Outcome.failed("d", ErrorCode.CONFLICT, "taken — by 🙂"), 0);

        RpcResult value = outcomes.find("value", 1).replayFor("r1", json);
        assertEquals("r1", value.id());
        assertTrue(value.replayed());
        assertEquals("{\"n\":\"é\"}", json.toJson(value.result()));
        RpcResult empty = outcomes.find("void", 1).replayFor("r2", json);
        assertNull(empty.result());
        assertNull(empty.error());
        RpcResult failure = outcomes.find("failure", 1).replayFor("r3", json);
        assertEquals(ErrorCode.CONFLICT, failure.code());
        assertEquals("taken — by 🙂", failure.error());
        assertTrue(failure.replayed());
    }

    private static String key(Random random, int keys) {
        int n = random.nextInt(keys);
        // Some keys share a hash ("Aa" and "BB" do), so probing past an equal hash is exercised.
        return switch (n % 4) {
            case 0 -> "Aa" + n;
            case 1 -> "BB" + (n - 1);
            case 2 -> "k-" + n + "-ü";
            default -> Long.toString(n * 0x9E3779B97F4A7C15L, 36);
        };
    }

    private static CallOutcomes.Outcome randomOutcome(Random random) {
        String digest = Long.toHexString(random.nextLong());
        return switch (random.nextInt(3)) {
            case 0 -> CallOutcomes.Outcome.returned(digest, null);
            case 1 -> CallOutcomes.Outcome.returned(digest, "\"" + "v".repeat(random.nextInt(300)) + "ß\"");
            default -> CallOutcomes.Outcome.failed(digest, ErrorCode.values()[random.nextInt(ErrorCode.values().length)],
                    "m".repeat(1 + random.nextInt(50)));
        };
    }
}
