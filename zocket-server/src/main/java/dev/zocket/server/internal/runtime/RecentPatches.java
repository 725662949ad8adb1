package dev.zocket.server.internal.runtime;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.persistence.Change;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One instance's latest {@code state:patch} frames, kept so that a subscriber coming back with
 * the version it holds ({@code since}) gets the patches it missed rather than a snapshot. Holds
 * consecutive versions only, bounded in count and bytes; a change that made no frame (nobody was
 * subscribed) empties it, since what follows no longer applies to what came before.
 *
 * <p>Used only inside the instance's mailbox messages: not thread-safe.
 */
final class RecentPatches {

    /**
     * One patch frame, with who made the change and how when known (for Studio's history of an
     * instance without a store); {@code time} is {@code null} for frames read back from a store.
     */
    private record Entry(long version, OutgoingMessage frame, Instant time, String caller, String cause) {}

    private final int maxCount;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    RecentPatches(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    /** Keeps the frame that took the state to {@code version}, made by {@code caller} through {@code cause}. */
    void add(long version, OutgoingMessage frame, Instant time, String caller, String cause) {
        if (!entries.isEmpty() && entries.peekLast().version() != version - 1) {
            clear();
        }
        entries.addLast(new Entry(version, frame, time, caller, cause));
        bytes += frame.bytes().length;
        while (!entries.isEmpty() && (entries.size() > maxCount || bytes > maxBytes)) {
            bytes -= entries.removeFirst().frame().bytes().length;
        }
    }

    /** Keeps {@code frames}, the consecutive patches after version {@code since}, instead of what was kept. */
    void replaceWith(long since, List<OutgoingMessage> frames) {
        clear();
        for (int i = 0; i < frames.size(); i++) {
            add(since + 1 + i, frames.get(i), null, null, null);
        }
    }

    /** A change went by without a frame: nothing kept applies any more. */
    void clear() {
        entries.clear();
        bytes = 0;
    }

    /**
     * The frames that take a subscriber from {@code since} to {@code current}, in order, or
     * {@code null} when some of them are no longer kept.
     */
    List<OutgoingMessage> after(long since, long current) {
        if (since == current) {
            return List.of();
        }
        if (entries.isEmpty() || since < entries.peekFirst().version() - 1 || entries.peekLast().version() != current) {
            return null;
        }
        List<OutgoingMessage> missed = new ArrayList<>((int) (current - since));
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry entry = newestFirst.next();
            if (entry.version() <= since) {
                break;
            }
            missed.add(entry.frame());
        }
        Collections.reverse(missed);
        return missed;
    }

    /**
     * The kept changes below {@code before}, newest first, at most {@code limit}, as change-log
     * entries of {@code key}; frames read back from a store (which has them itself) are left out.
     */
    List<Change> changes(InstanceKey key, long before, int limit, JsonCodec json) {
        List<Change> newestFirst = new ArrayList<>();
        Iterator<Entry> entries = this.entries.descendingIterator();
        while (entries.hasNext() && newestFirst.size() < limit) {
            Entry entry = entries.next();
            if (entry.version() < before && entry.time() != null) {
                String patch = json.parse(entry.frame().text()).get("patches").toString();
                newestFirst.add(new Change(key.actor(), key.id(), entry.version(), entry.time(), entry.caller(),
                        entry.cause(), patch));
            }
        }
        return newestFirst;
    }
}
