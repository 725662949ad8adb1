package dev.zocket.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One-line updates of immutable maps, for state records. Every function returns a new
 * unmodifiable map that keeps insertion order, and leaves its argument alone.
 *
 * <pre>{@code
 * update(s -> s.withScores(put(s.scores(), playerId, 0)));
 * }</pre>
 */
public final class ImmutableMaps {

    private ImmutableMaps() {}

    /** The map with {@code key} set to {@code value}. */
    public static <K, V> Map<K, V> put(Map<? extends K, ? extends V> map, K key, V value) {
        Map<K, V> copy = copy(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    /** The map with the value of {@code key} transformed by {@code change}; absent keys are left out. */
    public static <K, V> Map<K, V> update(Map<? extends K, ? extends V> map, K key, UnaryOperator<V> change) {
        Map<K, V> copy = copy(map);
        copy.computeIfPresent(key, (k, value) -> change.apply(value));
        return Collections.unmodifiableMap(copy);
    }

    /** The map without {@code key}. */
    public static <K, V> Map<K, V> remove(Map<? extends K, ? extends V> map, K key) {
        Map<K, V> copy = copy(map);
        copy.remove(key);
        return Collections.unmodifiableMap(copy);
    }

    private static <K, V> Map<K, V> copy(Map<? extends K, ? extends V> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }
}
