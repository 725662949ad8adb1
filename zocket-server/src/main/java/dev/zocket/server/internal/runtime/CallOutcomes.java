package dev.zocket.server.internal.runtime;

import dev.zocket.ErrorCode;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.RpcResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * The outcomes of one instance's recent calls that carried an idempotency key, so that a repeat
 * of a key is answered with what the first call returned instead of running again. Bounded in
 * count, bytes and age; what falls out is forgotten, and a repeat of its key runs as a new call.
 *
 * <p>Every keyed call is remembered, and most outlive many young collections (a thousand calls
 * per instance, or ten minutes, by default), so their shape is what the collector pays for: as
 * records holding strings and a result tree they were eleven objects and about 500 bytes a call,
 * copied at every young collection until promoted, which cost a third of the server's calls per
 * core-second (docs/benchmarks.md). Each outcome is therefore packed into one byte array, kept in
 * a ring in the order recorded (the oldest is the first forgotten) and found through an
 * open-addressing index of the key hashes; looking a key up allocates nothing unless it is found.
 *
 * <p>The index hashes keys itself, with a seed drawn per instance, rather than using
 * {@link String#hashCode()}: the keys a client makes share a prefix and count up, so their string
 * hashes are nearly consecutive and filled one long run of the linear-probing index, which every
 * lookup of a new key and every forgetting then walked (a quarter of the server's CPU per call
 * with the default thousand outcomes). A client choosing keys that collide on purpose cannot aim
 * at a hash it does not know.
 *
 * <p>Used only inside the instance's mailbox messages: not thread-safe.
 */
final class CallOutcomes {

    /** What a call ended with, as remembered: its request digest, and a result or a failure. */
    record Outcome(String requestDigest, String resultJson, ErrorCode code, String message) {

        Outcome {
            Objects.requireNonNull(requestDigest, "requestDigest");
        }

        /** A call that returned {@code resultJson}, or nothing when it is {@code null}. */
        static Outcome returned(String requestDigest, String resultJson) {
            return new Outcome(requestDigest, resultJson, null, null);
        }

        static Outcome failed(String requestDigest, ErrorCode code, String message) {
            return new Outcome(requestDigest, null, Objects.requireNonNull(code), Objects.requireNonNull(message));
        }

        /** The answer to a repeat of the key whose call has the id {@code callId}. */
        RpcResult replayFor(String callId, JsonCodec json) {
            JsonNode result = code != null || resultJson == null ? null : json.raw(resultJson);
            return new RpcResult(callId, result, message, code, true, OptionalLong.empty());
        }
    }

    private static final byte VOID = 0;
    private static final byte VALUE = 1;
    private static final byte FAILURE = 2;
    private static final ErrorCode[] CODES = ErrorCode.values();
    private static final int INITIAL_CAPACITY = 8;

    private final int maxCount;
    private final long maxBytes;
    private final long retentionNanos;
    private final int seed = ThreadLocalRandom.current().nextInt();
    /** The ring, oldest at {@code head}; a {@code null} inside the span is a forgotten entry. */
    private byte[][] entries = new byte[INITIAL_CAPACITY][];
    private long[] recordedNanos = new long[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int head;
    private int span;
    /**
     * Each entry's key hash (high half) and slot + 1 (low half), placed by the hash with linear
     * probing; 0 is empty. Twice the ring's size. The hash is kept here so that walking a run
     * reads only this array.
     */
    private long[] index = new long[2 * INITIAL_CAPACITY];
    private int count;
    private long bytes;

    CallOutcomes(int maxCount, long maxBytes, Duration retention) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.retentionNanos = retention.toNanos();
    }

    /** The outcome remembered for {@code key}, or {@code null}; forgets what has aged out first. */
    Outcome find(String key, long nowNanos) {
        expire(nowNanos);
        int probe = probeOf(key);
        return probe < 0 ? null : decode(entries[slotAt(probe)]);
    }

    /**
     * Remembers an outcome. The newest outcome is always kept, even alone past the byte bound: a
     * caller waiting for its answer must be able to repeat its key at least once.
     */
    void record(String key, Outcome outcome, long nowNanos) {
        int earlier = probeOf(key);
        if (earlier >= 0) {
            forget(slotAt(earlier));
        }
        byte[] entry = encode(key, outcome);
        if (span == entries.length) {
            resize(count + 1 > entries.length / 2 ? entries.length * 2 : entries.length);
        }
        int slot = (head + span) & (entries.length - 1);
        entries[slot] = entry;
        recordedNanos[slot] = nowNanos;
        hashes[slot] = hashOf(key);
        span++;
        count++;
        bytes += entry.length;
        insertIntoIndex(slot);
        while ((count > maxCount || bytes > maxBytes) && count > 1) {
            forgetOldest();
        }
    }

    int size() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    /** The longest run of occupied index positions: what a lookup of an absent key may walk. */
    int longestIndexRun() {
        int longest = 0;
        int run = 0;
        // Twice round, so a run wrapping past the end is counted whole.
        for (int i = 0; i < 2 * index.length; i++) {
            run = index[i & (index.length - 1)] != 0 ? run + 1 : 0;
            longest = Math.max(longest, Math.min(run, index.length));
        }
        return longest;
    }

    private void expire(long nowNanos) {
        while (span > 0 && (entries[head] == null || nowNanos - recordedNanos[head] >= retentionNanos)) {
            forgetOldest();
        }
    }

    /** Drops the entry at the head of the ring (a forgotten one is skipped over). */
    private void forgetOldest() {
        if (entries[head] != null) {
            forget(head);
        }
        head = (head + 1) & (entries.length - 1);
        span--;
        while (span > 0 && entries[head] == null) {
            head = (head + 1) & (entries.length - 1);
            span--;
        }
    }

    private void forget(int slot) {
        removeFromIndex(slot);
        bytes -= entries[slot].length;
        entries[slot] = null;
        count--;
    }

    /** The index position holding {@code key}'s slot, or -1. */
    private int probeOf(String key) {
        int hash = hashOf(key);
        int mask = index.length - 1;
        for (int i = hash & mask; index[i] != 0; i = (i + 1) & mask) {
            if ((int) (index[i] >>> 32) == hash && keyEquals(entries[slotAt(i)], key)) {
                return i;
            }
        }
        return -1;
    }

    private int slotAt(int position) {
        return (int) index[position] - 1;
    }

    private void insertIntoIndex(int slot) {
        int mask = index.length - 1;
        int i = hashes[slot] & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = (long) hashes[slot] << 32 | slot + 1;
    }

    /** Removes {@code slot} from the index, shifting back the entries probed past it. */
    private void removeFromIndex(int slot) {
        int mask = index.length - 1;
        int hole = hashes[slot] & mask;
        while (slotAt(hole) != slot) {
            hole = (hole + 1) & mask;
        }
        for (int i = (hole + 1) & mask; index[i] != 0; i = (i + 1) & mask) {
            int home = (int) (index[i] >>> 32) & mask;
            // Moves back unless its home lies cyclically in (hole, i]: then it is where it must be.
            boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!stays) {
                index[hole] = index[i];
                hole = i;
            }
        }
        index[hole] = 0;
    }

    /** Re-lays the ring from slot 0 without forgotten entries, at {@code capacity}, and rebuilds the index. */
    private void resize(int capacity) {
        byte[][] oldEntries = entries;
        long[] oldRecorded = recordedNanos;
        int[] oldHashes = hashes;
        int oldMask = oldEntries.length - 1;
        entries = new byte[capacity][];
        recordedNanos = new long[capacity];
        hashes = new int[capacity];
        index = new long[2 * capacity];
        int kept = 0;
        for (int i = 0; i < span; i++) {
            int from = (head + i) & oldMask;
            if (oldEntries[from] != null) {
                entries[kept] = oldEntries[from];
                recordedNanos[kept] = oldRecorded[from];
                hashes[kept] = oldHashes[from];
                insertIntoIndex(kept);
                kept++;
            }
        }
        head = 0;
        span = kept;
    }

    /** A seeded hash of every character, with MurmurHash3's finalizer so each bit moves the low ones. */
    private int hashOf(String key) {
        int hash = seed ^ key.length();
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x9E3779B1;
        }
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        return hash ^ hash >>> 16;
    }

    // An entry: key length and UTF-16 units, digest length and units, kind, then the result's
    // UTF-8 JSON (VALUE) or the error code's ordinal and the message's UTF-8 (FAILURE).

    /** The bytes {@code outcome} of {@code key} takes against the byte bound: its entry's length. */
    static int sizeOf(String key, Outcome outcome) {
        return encode(key, outcome).length;
    }

    private static byte[] tail(Outcome outcome) {
        String text = outcome.code() != null ? outcome.message() : outcome.resultJson();
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(String key, Outcome outcome) {
        String digest = outcome.requestDigest();
        byte[] tail = tail(outcome);
        ByteBuffer entry = ByteBuffer.allocate(4 + 2 * key.length() + 4 + 2 * digest.length() + 2 + tail.length);
        putChars(entry, key);
        putChars(entry, digest);
        if (outcome.code() != null) {
            entry.put(FAILURE).put((byte) outcome.code().ordinal());
        } else {
            entry.put(outcome.resultJson() != null ? VALUE : VOID).put((byte) 0);
        }
        return entry.put(tail).array();
    }

    private static void putChars(ByteBuffer entry, String text) {
        entry.putInt(text.length());
        for (int i = 0; i < text.length(); i++) {
            entry.putChar(text.charAt(i));
        }
    }

    /** Compares in place, reading the big-endian fields {@link #putChars} wrote. */
    private static boolean keyEquals(byte[] entry, String key) {
        int length = (entry[0] & 0xFF) << 24 | (entry[1] & 0xFF) << 16 | (entry[2] & 0xFF) << 8 | entry[3] & 0xFF;
        if (length != key.length()) {
            return false;
        }
        for (int i = 0, at = 4; i < length; i++, at += 2) {
            if ((char) ((entry[at] & 0xFF) << 8 | entry[at + 1] & 0xFF) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static Outcome decode(byte[] entry) {
        ByteBuffer read = ByteBuffer.wrap(entry);
        read.position(4 + 2 * read.getInt(0));
        String digest = getChars(read);
        byte kind = read.get();
        int code = read.get();
        String tail = new String(entry, read.position(), read.remaining(), StandardCharsets.UTF_8);
        return switch (kind) {
            case VOID -> Outcome.returned(digest, null);
            case VALUE -> Outcome.returned(digest, tail);
            case FAILURE -> Outcome.failed(digest, CODES[code], tail);
            default -> throw new IllegalStateException("Unknown outcome kind " + kind);
        };
    }

    private static String getChars(ByteBuffer read) {
        char[] chars = new char[read.getInt()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = read.getChar();
        }
        return new String(chars);
    }

    @Override
    public String toString() {
        return "CallOutcomes[" + count + " outcomes, " + bytes + " bytes, ring of " + entries.length + "]";
    }
}
