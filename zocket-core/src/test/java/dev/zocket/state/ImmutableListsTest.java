package dev.zocket.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImmutableListsTest {

    private final Object first = new Object();
    private final Object second = new Object();
    private final List<Object> original = new ArrayList<>(List.of(first, second));

    @Test
    void everyOperationLeavesItsArgumentAloneAndReturnsAnUnmodifiableList() {
        List<List<Object>> results = List.of(
                ImmutableLists.append(original, "x"),
                ImmutableLists.appendAll(original, List.of("x", "y")),
                ImmutableLists.set(original, 0, "x"),
                ImmutableLists.update(original, 1, o -> "x"),
                ImmutableLists.replaceIf(original, o -> o == first, o -> "x"),
                ImmutableLists.removeAt(original, 0),
                ImmutableLists.removeIf(original, o -> o == second));
        for (List<Object> result : results) {
            assertThrows(UnsupportedOperationException.class, () -> result.add("z"));
        }
        assertEquals(List.of(first, second), original);
    }

    @Test
    void unchangedElementsKeepTheirIdentity() {
        List<Object> appended = ImmutableLists.append(original, "x");
        assertSame(first, appended.get(0));
        assertSame(second, appended.get(1));
        assertSame(second, ImmutableLists.set(original, 0, "x").get(1));
    }

    @Test
    void resultsAreCorrect() {
        assertEquals(List.of(first, second, "x"), ImmutableLists.append(original, "x"));
        assertEquals(List.of("x", second), ImmutableLists.set(original, 0, "x"));
        assertEquals(List.of(second), ImmutableLists.removeAt(original, 0));
        assertEquals(List.of(first), ImmutableLists.removeIf(original, o -> o == second));
        assertEquals(List.of(first, "x"), ImmutableLists.replaceIf(original, o -> o == second, o -> "x"));
        assertEquals(Arrays.asList(first, second, null), ImmutableLists.append(original, null));
        assertEquals(List.of("x"), ImmutableLists.append(null, "x"));
    }

    @Test
    void filtersThatMatchNothingReturnTheirPersistentArgument() {
        List<Object> persistent = ImmutableLists.append(original, "x");
        assertSame(persistent, ImmutableLists.removeIf(persistent, o -> false));
        assertSame(persistent, ImmutableLists.replaceIf(persistent, o -> false, o -> "y"));
    }

    @Test
    void updatesOfAPlainListDoNotWriteThroughToIt() {
        List<Object> appended = ImmutableLists.append(original, "x");
        original.set(0, "changed later");
        assertSame(first, appended.get(0));
    }

    @Test
    void indexesAreChecked() {
        assertThrows(IndexOutOfBoundsException.class, () -> ImmutableLists.set(original, 2, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> ImmutableLists.removeAt(original, -1));
    }

    @Test
    void mapsKeepOrderAndLeaveTheArgumentAlone() {
        Map<String, Integer> scores = Map.of("a", 1);
        Map<String, Integer> added = ImmutableMaps.put(scores, "b", 2);
        assertEquals(List.of("a", "b"), List.copyOf(added.keySet()));
        assertEquals(Map.of("a", 2, "b", 2), ImmutableMaps.update(added, "a", v -> v + 1));
        assertEquals(Map.of("b", 2), ImmutableMaps.remove(added, "a"));
        assertEquals(Map.of("a", 1), scores);
        assertThrows(UnsupportedOperationException.class, () -> added.put("c", 3));
    }
}
