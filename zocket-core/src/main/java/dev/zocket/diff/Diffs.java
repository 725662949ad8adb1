package dev.zocket.diff;

import dev.zocket.json.JsonPointer;
import dev.zocket.state.ImmutableLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The diff algorithms generated differs delegate to. Every function short-circuits when both
 * sides are the same reference, so unchanged sub-trees of immutable state cost nothing, and
 * work is proportional to what changed.
 *
 * <p>Lists follow the original Zocket client's patch semantics, which applies {@code add} at an
 * array index as an overwrite: a list diff only ever adds at the end ({@code /-}). Element
 * changes recurse into the element; appends become one {@code add} each; removals in the
 * middle become {@code remove} (the client splices). When elements are inserted before existing
 * ones, which that client cannot apply, or when removing would take more operations than the
 * new list has elements, the list is replaced whole. Lists made by {@link ImmutableLists} share
 * their unchanged parts, which this skips in O(log n) instead of comparing them element by
 * element.
 *
 * <p>Sets are JSON arrays in the set's iteration order, which is what Jackson writes, and are
 * diffed as the lists of that order. Maps are JSON objects whose member names are the keys as
 * Jackson writes them; the caller says how to name a key.
 */
public final class Diffs {

    private static final ValueDiffer<Object> LEAF = Diffs::leaf;

    private Diffs() {}

    /** A differ for values that are replaced whole when not equal: scalars, enums, arrays. */
    @SuppressWarnings("unchecked")
    public static <T> ValueDiffer<T> leaf() {
        return (ValueDiffer<T>) LEAF;
    }

    /** Replaces the value when it is not equal; arrays compare by content. */
    public static void leaf(String path, Object before, Object after, PatchBuilder patch) {
        if (!Objects.deepEquals(before, after)) {
            patch.replace(path, after);
        }
    }

    public static <T> void list(String path, List<T> before, List<T> after, ValueDiffer<? super T> elements,
            PatchBuilder patch) {
        if (before == after) {
            return;
        }
        if (before == null || after == null) {
            patch.replace(path, after);
            return;
        }
        int oldSize = before.size();
        int newSize = after.size();
        int shorter = Math.min(oldSize, newSize);
        int prefix = Math.min(ImmutableLists.sharedPrefix(before, after), shorter);
        while (prefix < shorter && same(before.get(prefix), after.get(prefix))) {
            prefix++;
        }
        if (prefix == oldSize && prefix == newSize) {
            return;
        }
        int suffix = Math.min(ImmutableLists.sharedSuffix(before, after), shorter - prefix);
        while (suffix < shorter - prefix && same(before.get(oldSize - 1 - suffix), after.get(newSize - 1 - suffix))) {
            suffix++;
        }
        int changedOld = oldSize - prefix - suffix;
        int changedNew = newSize - prefix - suffix;

        if (changedNew > changedOld && suffix > 0) {
            patch.replace(path, after); // an insertion before existing elements
            return;
        }
        int removals = changedOld - changedNew;
        if (removals > 1 && removals > newSize) {
            patch.replace(path, after);
            return;
        }
        int common = Math.min(changedOld, changedNew);
        for (int i = prefix; i < prefix + common; i++) {
            T oldElement = before.get(i);
            T newElement = after.get(i);
            if (oldElement != newElement) {
                elements.diff(path + "/" + i, oldElement, newElement, patch);
            }
        }
        if (removals > 0) {
            String removedAt = path + "/" + (prefix + common);
            for (int i = 0; i < removals; i++) {
                patch.remove(removedAt);
            }
        }
        String end = path + "/-";
        for (int i = prefix + common; i < prefix + changedNew; i++) {
            patch.add(end, after.get(i));
        }
    }

    /** Maps with string keys: removed keys, added keys, and a recursive diff of common keys. */
    public static <V> void map(String path, Map<String, V> before, Map<String, V> after,
            ValueDiffer<? super V> values, PatchBuilder patch) {
        map(path, before, after, key -> key, values, patch);
    }

    /**
     * Maps with any keys, named in paths by {@code keyName}: the JSON object member name Jackson
     * writes for the key ({@code toString()} for numbers, {@code UUID}s and most enums).
     */
    public static <K, V> void map(String path, Map<K, V> before, Map<K, V> after,
            Function<? super K, String> keyName, ValueDiffer<? super V> values, PatchBuilder patch) {
        if (before == after) {
            return;
        }
        if (before == null || after == null) {
            patch.replace(path, after);
            return;
        }
        for (K key : before.keySet()) {
            if (!after.containsKey(key)) {
                patch.remove(path + "/" + JsonPointer.escape(keyName.apply(key)));
            }
        }
        for (Map.Entry<K, V> entry : after.entrySet()) {
            K key = entry.getKey();
            String child = path + "/" + JsonPointer.escape(keyName.apply(key));
            if (!before.containsKey(key)) {
                patch.add(child, entry.getValue());
            } else {
                V oldValue = before.get(key);
                if (oldValue != entry.getValue()) {
                    values.diff(child, oldValue, entry.getValue(), patch);
                }
            }
        }
    }

    /**
     * Sets of scalars or enums, as the JSON arrays Jackson writes: the elements in iteration
     * order. A {@code SortedSet} (or a {@code LinkedHashSet}) keeps that order stable, so an
     * addition at the end is one {@code add}; in a hash set a change may reorder the elements and
     * cost a replace of the array.
     */
    public static <T> void set(String path, Set<T> before, Set<T> after, PatchBuilder patch) {
        if (before == after) {
            return;
        }
        if (before == null || after == null) {
            patch.replace(path, after);
            return;
        }
        list(path, new ArrayList<>(before), new ArrayList<>(after), leaf(), patch);
    }

    /** {@code Optional} encodes as its value or {@code null}; present on both sides recurses. */
    public static <T> void optional(String path, Optional<T> before, Optional<T> after, ValueDiffer<? super T> inner,
            PatchBuilder patch) {
        if (before == after) {
            return;
        }
        T oldValue = before == null ? null : before.orElse(null);
        T newValue = after == null ? null : after.orElse(null);
        if (oldValue == null || newValue == null) {
            if (oldValue != newValue) {
                patch.replace(path, newValue);
            }
            return;
        }
        if (oldValue != newValue) {
            inner.diff(path, oldValue, newValue, patch);
        }
    }

    private static boolean same(Object a, Object b) {
        return a == b || (a != null && a.equals(b));
    }
}
