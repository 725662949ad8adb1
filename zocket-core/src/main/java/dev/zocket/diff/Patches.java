package dev.zocket.diff;

import dev.zocket.json.JsonPointer;
import dev.zocket.json.JsonType;
import dev.zocket.json.PatchOperation;
import dev.zocket.state.ImmutableLists;
import dev.zocket.state.ImmutableMaps;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patch algorithms generated appliers delegate to: the inverse of {@link Diffs}. Each takes
 * the container at {@code depth}, applies the step's operation to it or to one of its elements,
 * and returns a new container that shares every other element. What {@code Diffs} never emits
 * (an {@code add} inside a list, a {@code remove} of a key that is not there) is refused with an
 * {@link UnsupportedPatchException}, so the caller falls back to the JSON.
 */
public final class Patches {

    private Patches() {}

    /** A patcher for values replaced whole: the operation must target the value itself. */
    public static <T> ValuePatcher<T> leaf(JsonType<T> type) {
        return (value, step, depth) -> step.leaf(depth, type);
    }

    /**
     * Lists, below their own path: {@code add} at {@code -} or at the length appends,
     * {@code replace} and {@code remove} at an index set or remove that element, and a longer
     * path goes into the element. A {@code null} list has nothing to go into.
     */
    public static <T> List<T> list(List<T> list, PatchStep step, int depth, ValuePatcher<T> elements) {
        if (list == null) {
            throw step.unsupported("the list is null");
        }
        String token = step.token(depth);
        if (step.isTarget(depth + 1) && step.op() == PatchOperation.Op.ADD) {
            if (!token.equals("-") && JsonPointer.arrayIndex(token) != list.size()) {
                throw step.unsupported("the differ adds only at the end of a list");
            }
            return ImmutableLists.append(list, elements.patch(null, step, depth + 1));
        }
        int index = JsonPointer.arrayIndex(token);
        if (index < 0 || index >= list.size()) {
            throw step.unsupported("no element " + token + " in a list of " + list.size());
        }
        if (step.isTarget(depth + 1) && step.op() == PatchOperation.Op.REMOVE) {
            return ImmutableLists.removeAt(list, index);
        }
        return ImmutableLists.set(list, index, elements.patch(list.get(index), step, depth + 1));
    }

    /**
     * Maps with string keys, below their own path: {@code add} puts a key, {@code remove} removes
     * one that is there, and {@code replace} or a longer path changes the value of one that is.
     */
    public static <V> Map<String, V> map(Map<String, V> map, PatchStep step, int depth, ValuePatcher<V> values) {
        if (map == null) {
            throw step.unsupported("the map is null");
        }
        String key = step.token(depth);
        if (step.isTarget(depth + 1) && step.op() == PatchOperation.Op.ADD) {
            return ImmutableMaps.put(map, key, values.patch(null, step, depth + 1));
        }
        if (!map.containsKey(key)) {
            throw step.unsupported("no key \"" + key + "\" in the map");
        }
        if (step.isTarget(depth + 1) && step.op() == PatchOperation.Op.REMOVE) {
            return ImmutableMaps.remove(map, key);
        }
        return ImmutableMaps.put(map, key, values.patch(map.get(key), step, depth + 1));
    }

    /**
     * {@code Optional}, below its own path. It has no token of its own (it is written as its
     * value), so a path that goes on goes into the present value.
     */
    public static <T> Optional<T> optional(Optional<T> optional, PatchStep step, int depth, ValuePatcher<T> inner) {
        if (optional == null || optional.isEmpty()) {
            throw step.unsupported("the optional value is empty");
        }
        return Optional.of(inner.patch(optional.get(), step, depth));
    }
}
