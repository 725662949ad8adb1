package dev.zocket.state;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One-line updates of immutable maps, for state records. Every function returns an
 * unmodifiable map that keeps insertion order, and leaves its argument alone.
 *
 * <pre>{@code
 * update(s -> s.withScores(put(s.scores(), playerId, 0)));
 * }</pre>
 *
 * <h2>Costs</h2>
 *
 * <p>The maps these functions return are persistent: an update shares all but O(log n) of the
 * map it came from, so {@link #put}, {@link #update} and {@link #remove} cost O(log n) (a
 * removal amortized: removed keys leave gaps that are swept out once they outnumber the
 * entries), and so does a lookup. They are ordinary {@code java.util.Map}s to everyone else.
 * Any other map, a {@code Map.of} or the {@code LinkedHashMap} Jackson decodes, is accepted
 * as well: the first update copies it once, in its iteration order, and the updates after
 * that are O(log n). A function that changes nothing ({@code put} of the value already there,
 * {@code remove} of an absent key) returns its argument when that is one of these maps.
 */
public final class ImmutableMaps {

    private ImmutableMaps() {}

    /** The map with {@code key} set to {@code value}; a new key goes at the end. */
    public static <K, V> Map<K, V> put(Map<? extends K, ? extends V> map, K key, V value) {
        return PersistentMap.<K, V>from(map).plus(key, value);
    }

    /**
     * The map with the value of {@code key} transformed by {@code change}, as
     * {@link Map#computeIfPresent} does it: absent keys and {@code null} values are left alone,
     * and a {@code change} that returns {@code null} removes the key.
     */
    public static <K, V> Map<K, V> update(Map<? extends K, ? extends V> map, K key, UnaryOperator<V> change) {
        PersistentMap<K, V> persistent = PersistentMap.from(map);
        V value = persistent.get(key);
        if (value == null) {
            return persistent;
        }
        V changed = change.apply(value);
        return changed == null ? persistent.minus(key) : persistent.plus(key, changed);
    }

    /** The map without {@code key}. */
    public static <K, V> Map<K, V> remove(Map<? extends K, ? extends V> map, K key) {
        return PersistentMap.<K, V>from(map).minus(key);
    }
}
