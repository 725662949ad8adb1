package dev.zocket.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.diff.Diffs;
import dev.zocket.diff.PatchBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random updates through {@link ImmutableLists}, checked against an {@code ArrayList} doing the
 * same, with every older version checked again at the end (an update must not disturb the list
 * it came from). A failure names its seed; rerun with {@code -Dzocket.seed=N}.
 */
class PersistentListPropertyTest {

    private static final int OPERATIONS = 4_000;
    private static final Map<Integer, Integer> INTERNED = new HashMap<>();

    @Test
    void behavesLikeAnArrayListUnderRandomUpdates() {
        long base = Long.getLong("zocket.seed", System.nanoTime());
        for (int run = 0; run < 8; run++) {
            long seed = base + run;
            System.out.println("PersistentListPropertyTest seed " + seed);
            try {
                check(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(Random random) {
        List<Integer> model = new ArrayList<>();
        int start = random.nextInt(3) == 0 ? random.nextInt(2_000) : random.nextInt(40);
        for (int i = 0; i < start; i++) {
            model.add(i);
        }
        List<Integer> list = random.nextBoolean() ? List.copyOf(model) : new ArrayList<>(model);
        List<List<Integer>> versions = new ArrayList<>();
        List<List<Integer>> expected = new ArrayList<>();
        for (int op = 0; op < OPERATIONS; op++) {
            List<Integer> before = list;
            int size = model.size();
            Integer element = random.nextInt(5) == 0 ? null : random.nextInt(1_000_000);
            int choice = random.nextInt(size == 0 ? 2 : 9);
            switch (choice) {
                case 0, 1 -> {
                    list = ImmutableLists.append(list, element);
                    model.add(element);
                    if (before instanceof PersistentList<?>) {
                        assertEquals(size, ImmutableLists.sharedPrefix(before, list), "an append shares all of before");
                    }
                }
                case 2 -> {
                    List<Integer> more = new ArrayList<>();
                    for (int i = random.nextInt(70); i > 0; i--) {
                        more.add(random.nextInt());
                    }
                    list = ImmutableLists.appendAll(list, more);
                    model.addAll(more);
                }
                case 3, 4 -> {
                    int index = random.nextInt(size);
                    list = ImmutableLists.set(list, index, element);
                    model.set(index, element);
                }
                case 5 -> {
                    int index = random.nextInt(size);
                    list = ImmutableLists.update(list, index, e -> interned(e == null ? 0 : e + 1));
                    model.set(index, interned(model.get(index) == null ? 0 : model.get(index) + 1));
                }
                case 6, 7 -> {
                    int index = random.nextInt(size);
                    list = ImmutableLists.removeAt(list, index);
                    model.remove(index);
                    if (before instanceof PersistentList<?>) {
                        assertTrue(ImmutableLists.sharedPrefix(before, list) >= Math.min(index, 1),
                                "a removal shares what comes before it");
                    }
                }
                default -> {
                    int modulus = 2 + random.nextInt(60);
                    if (random.nextBoolean()) {
                        list = ImmutableLists.removeIf(list, e -> e != null && e % modulus == 0);
                        model.removeIf(e -> e != null && e % modulus == 0);
                    } else {
                        list = ImmutableLists.replaceIf(list, e -> e != null && e % modulus == 0, e -> interned(-e));
                        model.replaceAll(e -> e != null && e % modulus == 0 ? interned(-e) : e);
                    }
                }
            }
            assertSameAs(model, list);
            assertSharedEndsAreTrue(before, list);
            assertDiffedAsCopiesAre(before, list);
            if (op % 100 == 0) {
                versions.add(list);
                expected.add(new ArrayList<>(model));
            }
        }
        for (int v = 0; v < versions.size(); v++) {
            assertSameAs(expected.get(v), versions.get(v));
        }
    }

    /** One object per value, so that the model and the list computing a value hold the same reference. */
    private static Integer interned(int value) {
        return INTERNED.computeIfAbsent(value, v -> v);
    }

    private static void assertSameAs(List<Integer> model, List<Integer> list) {
        assertEquals(model.size(), list.size());
        assertEquals(model, list);
        assertEquals(list, model);
        assertEquals(model.hashCode(), list.hashCode());
        Iterator<Integer> elements = list.iterator();
        for (int i = 0; i < model.size(); i++) {
            Integer element = elements.next();
            assertSame(model.get(i), element, "element " + i);
            assertSame(model.get(i), list.get(i), "get(" + i + ")");
        }
        assertTrue(!elements.hasNext());
    }

    /** Skipping shared parts changes the cost of a diff, never its result. */
    private static void assertDiffedAsCopiesAre(List<Integer> before, List<Integer> after) {
        PatchBuilder shared = new PatchBuilder();
        Diffs.list("/l", before, after, Diffs.leaf(), shared);
        PatchBuilder copied = new PatchBuilder();
        Diffs.list("/l", new ArrayList<>(before), new ArrayList<>(after), Diffs.leaf(), copied);
        assertEquals(copied.operations(), shared.operations());
    }

    /** The shared ends are a lower bound: every element they count really is the same reference. */
    private static void assertSharedEndsAreTrue(List<Integer> before, List<Integer> after) {
        int shorter = Math.min(before.size(), after.size());
        int prefix = ImmutableLists.sharedPrefix(before, after);
        int suffix = ImmutableLists.sharedSuffix(before, after);
        assertTrue(prefix <= shorter && suffix <= shorter, "shared ends within the shorter list");
        for (int i = 0; i < prefix; i++) {
            assertSame(before.get(i), after.get(i), "shared prefix at " + i);
        }
        for (int i = 1; i <= suffix; i++) {
            assertSame(before.get(before.size() - i), after.get(after.size() - i), "shared suffix at -" + i);
        }
    }
}
