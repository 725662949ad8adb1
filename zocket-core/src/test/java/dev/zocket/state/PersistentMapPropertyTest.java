package dev.zocket.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random updates through {@link ImmutableMaps}, checked against a {@code LinkedHashMap} doing
 * the same (order included), older versions checked again at the end. Keys are drawn from a
 * small pool so that puts hit existing keys and removals hit present ones; some keys share a
 * hash code. A failure names its seed; rerun with {@code -Dzocket.seed=N}.
 */
class PersistentMapPropertyTest {

    private static final int OPERATIONS = 4_000;

    /** A key whose hash code is chosen, so that distinct keys can collide. */
    private record Key(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void behavesLikeALinkedHashMapUnderRandomUpdates() {
        long base = Long.getLong("zocket.seed", System.nanoTime());
        for (int run = 0; run < 8; run++) {
            long seed = base + run;
            System.out.println("PersistentMapPropertyTest seed " + seed);
            try {
                check(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(Random random) {
        int pool = 1 + random.nextInt(random.nextBoolean() ? 50 : 3_000);
        Map<Integer, Key> keys = new HashMap<>();
        Map<Object, Integer> model = new LinkedHashMap<>();
        Map<Object, Integer> map = random.nextBoolean() ? Map.of() : new LinkedHashMap<>();
        List<Map<Object, Integer>> versions = new ArrayList<>();
        List<Map<Object, Integer>> expected = new ArrayList<>();
        for (int op = 0; op < OPERATIONS; op++) {
            int id = random.nextInt(pool);
            Object key = id == 0 ? null : keys.computeIfAbsent(id, i -> new Key(i, random.nextInt(4) == 0 ? i % 7 : i * 31));
            Integer value = random.nextInt(10) == 0 ? null : Integer.valueOf(random.nextInt(100));
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    map = ImmutableMaps.put(map, key, value);
                    model.put(key, value);
                }
                case 2 -> {
                    map = ImmutableMaps.update(map, key, v -> v % 5 == 0 ? null : v + 1);
                    model.computeIfPresent(key, (k, v) -> v % 5 == 0 ? null : v + 1);
                }
                default -> {
                    map = ImmutableMaps.remove(map, key);
                    model.remove(key);
                }
            }
            assertSameAs(model, map, keys);
            if (op % 100 == 0) {
                versions.add(map);
                expected.add(new LinkedHashMap<>(model));
            }
        }
        for (int v = 0; v < versions.size(); v++) {
            assertSameAs(expected.get(v), versions.get(v), keys);
        }
    }

    private static void assertSameAs(Map<Object, Integer> model, Map<Object, Integer> map, Map<Integer, Key> keys) {
        assertEquals(model.size(), map.size());
        assertEquals(model, map);
        assertEquals(map, model);
        assertEquals(model.hashCode(), map.hashCode());
        Iterator<Map.Entry<Object, Integer>> entries = map.entrySet().iterator();
        for (Map.Entry<Object, Integer> entry : model.entrySet()) {
            Map.Entry<Object, Integer> actual = entries.next();
            assertSame(entry.getKey(), actual.getKey(), "insertion order");
            assertEquals(entry.getValue(), actual.getValue());
            assertEquals(entry.getValue(), map.get(entry.getKey()));
        }
        assertFalse(entries.hasNext());
        for (Key key : keys.values()) {
            assertEquals(model.containsKey(key), map.containsKey(key));
            if (!model.containsKey(key)) {
                assertNull(map.get(key));
            }
        }
    }
}
