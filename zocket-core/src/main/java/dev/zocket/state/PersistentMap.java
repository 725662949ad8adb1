package dev.zocket.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable, insertion-ordered {@link Map} whose updates return a new map sharing all
 * but O(log n) of this one. Its entries sit in a {@link PersistentList} in insertion order, and
 * a {@link HashTrie} gives each key's position there; removing a key leaves a gap ({@code null})
 * in the list, and the list is rebuilt without gaps once they outnumber the entries, so removal
 * costs O(log n) amortized. {@code equals} and {@code hashCode} follow the {@code Map} contract.
 *
 * @param <K> the key type; {@code null} keys and values are allowed
 * @param <V> the value type
 */
final class PersistentMap<K, V> extends AbstractMap<K, V> {

    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(PersistentList.empty(), null, 0);
    private static final int MIN_GAPS_TO_COMPACT = 32;

    /** Entries in insertion order, {@code null} where a key was removed. */
    private final PersistentList<Map.Entry<K, V>> entries;
    private final HashTrie.Level positions;
    private final int size;
    private Set<Map.Entry<K, V>> entrySet;

    private PersistentMap(PersistentList<Map.Entry<K, V>> entries, HashTrie.Level positions, int size) {
        this.entries = entries;
        this.positions = positions;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    /** {@code map} itself when it is persistent already, else a copy of it in its iteration order. */
    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> from(Map<? extends K, ? extends V> map) {
        if (map instanceof PersistentMap<?, ?> persistent) {
            return (PersistentMap<K, V>) persistent;
        }
        PersistentMap<K, V> result = empty();
        if (map != null) {
            for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
                result = result.plus(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return HashTrie.get(positions, key) >= 0;
    }

    @Override
    public V get(Object key) {
        int position = HashTrie.get(positions, key);
        return position < 0 ? null : entries.get(position).getValue();
    }

    /** The map with {@code key} set to {@code value}: in its place if present, else at the end. */
    PersistentMap<K, V> plus(K key, V value) {
        int position = HashTrie.get(positions, key);
        if (position >= 0) {
            Map.Entry<K, V> old = entries.get(position);
            if (old.getValue() == value) {
                return this;
            }
            return new PersistentMap<>(entries.with(position, new SimpleImmutableEntry<>(old.getKey(), value)),
                    positions, size);
        }
        return new PersistentMap<>(entries.plus(new SimpleImmutableEntry<>(key, value)),
                HashTrie.put(positions, key, entries.size()), size + 1);
    }

    /** The map without {@code key}. */
    PersistentMap<K, V> minus(Object key) {
        int position = HashTrie.get(positions, key);
        if (position < 0) {
            return this;
        }
        if (size == 1) {
            return empty();
        }
        PersistentMap<K, V> result = new PersistentMap<>(entries.with(position, null),
                HashTrie.remove(positions, key), size - 1);
        int gaps = result.entries.size() - result.size;
        return gaps >= MIN_GAPS_TO_COMPACT && gaps > result.size ? result.compacted() : result;
    }

    private PersistentMap<K, V> compacted() {
        PersistentMap<K, V> result = empty();
        for (Map.Entry<K, V> entry : entrySet()) {
            result = result.plus(entry.getKey(), entry.getValue());
        }
        return result;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        Set<Map.Entry<K, V>> view = entrySet;
        if (view == null) {
            view = new EntrySet();
            entrySet = view;
        }
        return view;
    }

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new SkippingGaps(entries.iterator());
        }
    }

    /** The entries of the list in order, without the gaps. */
    private final class SkippingGaps implements Iterator<Map.Entry<K, V>> {
        private final Iterator<Map.Entry<K, V>> slots;
        private Map.Entry<K, V> next;

        SkippingGaps(Iterator<Map.Entry<K, V>> slots) {
            this.slots = slots;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && slots.hasNext()) {
                next = slots.next();
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<K, V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<K, V> current = next;
            advance();
            return current;
        }
    }
}
