package dev.zocket.state;

import java.util.Arrays;
import java.util.Objects;

/**
 * A persistent hash map from keys to {@code int}s: a hash array mapped trie, 32 ways per
 * level, where each node holds only the slots it uses (a bitmap says which). An update copies
 * one path of at most seven small nodes, so lookups and updates cost O(log n). Keys whose
 * hashes are equal share a bucket. The empty trie is {@code null}.
 */
final class HashTrie {

    private static final int BITS = 5;
    private static final int MASK = (1 << BITS) - 1;

    private HashTrie() {}

    /** A level of the trie: each slot is a {@link Bucket} or a deeper {@link Level}. */
    static final class Level {
        final int bitmap;
        final Object[] slots;

        Level(int bitmap, Object[] slots) {
            this.bitmap = bitmap;
            this.slots = slots;
        }
    }

    /** The keys with one hash, and their values. */
    static final class Bucket {
        final int hash;
        final Object[] keys;
        final int[] values;

        Bucket(int hash, Object[] keys, int[] values) {
            this.hash = hash;
            this.keys = keys;
            this.values = values;
        }

        int find(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (Objects.equals(keys[i], key)) {
                    return i;
                }
            }
            return -1;
        }

        Bucket with(Object key, int value) {
            int at = find(key);
            if (at >= 0) {
                int[] changed = values.clone();
                changed[at] = value;
                return new Bucket(hash, keys, changed);
            }
            Object[] moreKeys = Arrays.copyOf(keys, keys.length + 1);
            int[] moreValues = Arrays.copyOf(values, values.length + 1);
            moreKeys[keys.length] = key;
            moreValues[values.length] = value;
            return new Bucket(hash, moreKeys, moreValues);
        }

        /** Without {@code key} (present), or {@code null} when that was the last key. */
        Bucket without(int at) {
            if (keys.length == 1) {
                return null;
            }
            Object[] fewerKeys = new Object[keys.length - 1];
            int[] fewerValues = new int[keys.length - 1];
            for (int i = 0, j = 0; i < keys.length; i++) {
                if (i != at) {
                    fewerKeys[j] = keys[i];
                    fewerValues[j++] = values[i];
                }
            }
            return new Bucket(hash, fewerKeys, fewerValues);
        }
    }

    static int hash(Object key) {
        int h = Objects.hashCode(key);
        return h ^ (h >>> 16);
    }

    /** The value of {@code key}, or -1 when absent. */
    static int get(Level root, Object key) {
        int hash = hash(key);
        Object node = root;
        for (int shift = 0; node instanceof Level level; shift += BITS) {
            int bit = bit(hash, shift);
            if ((level.bitmap & bit) == 0) {
                return -1;
            }
            node = level.slots[index(level.bitmap, bit)];
        }
        if (node instanceof Bucket bucket && bucket.hash == hash) {
            int at = bucket.find(key);
            return at < 0 ? -1 : bucket.values[at];
        }
        return -1;
    }

    static Level put(Level root, Object key, int value) {
        return put(root, hash(key), key, value, 0);
    }

    private static Level put(Level level, int hash, Object key, int value, int shift) {
        if (level == null) {
            return new Level(bit(hash, shift), new Object[] {new Bucket(hash, new Object[] {key}, new int[] {value})});
        }
        int bit = bit(hash, shift);
        int at = index(level.bitmap, bit);
        if ((level.bitmap & bit) == 0) {
            Object[] slots = new Object[level.slots.length + 1];
            System.arraycopy(level.slots, 0, slots, 0, at);
            slots[at] = new Bucket(hash, new Object[] {key}, new int[] {value});
            System.arraycopy(level.slots, at, slots, at + 1, level.slots.length - at);
            return new Level(level.bitmap | bit, slots);
        }
        Object slot = level.slots[at];
        Object replacement;
        if (slot instanceof Level deeper) {
            replacement = put(deeper, hash, key, value, shift + BITS);
        } else {
            Bucket bucket = (Bucket) slot;
            if (bucket.hash == hash) {
                replacement = bucket.with(key, value);
            } else {
                Level split = new Level(bit(bucket.hash, shift + BITS), new Object[] {bucket});
                replacement = put(split, hash, key, value, shift + BITS);
            }
        }
        Object[] slots = level.slots.clone();
        slots[at] = replacement;
        return new Level(level.bitmap, slots);
    }

    /** The trie without {@code key}; {@code null} when it becomes empty. */
    static Level remove(Level root, Object key) {
        return root == null ? null : remove(root, hash(key), key, 0);
    }

    private static Level remove(Level level, int hash, Object key, int shift) {
        int bit = bit(hash, shift);
        if ((level.bitmap & bit) == 0) {
            return level;
        }
        int at = index(level.bitmap, bit);
        Object slot = level.slots[at];
        Object replacement;
        if (slot instanceof Level deeper) {
            Level smaller = remove(deeper, hash, key, shift + BITS);
            if (smaller == deeper) {
                return level;
            }
            // a level left with a single bucket gives way to it, so that the trie stays as shallow as its keys need
            replacement = smaller != null && smaller.slots.length == 1 && smaller.slots[0] instanceof Bucket only
                    ? only : smaller;
        } else {
            Bucket bucket = (Bucket) slot;
            int found = bucket.hash == hash ? bucket.find(key) : -1;
            if (found < 0) {
                return level;
            }
            replacement = bucket.without(found);
        }
        if (replacement != null) {
            Object[] slots = level.slots.clone();
            slots[at] = replacement;
            return new Level(level.bitmap, slots);
        }
        if (level.slots.length == 1) {
            return null;
        }
        Object[] slots = new Object[level.slots.length - 1];
        System.arraycopy(level.slots, 0, slots, 0, at);
        System.arraycopy(level.slots, at + 1, slots, at, slots.length - at);
        return new Level(level.bitmap & ~bit, slots);
    }

    private static int bit(int hash, int shift) {
        return 1 << ((hash >>> shift) & MASK);
    }

    private static int index(int bitmap, int bit) {
        return Integer.bitCount(bitmap & (bit - 1));
    }
}
