package dev.zocket.server.internal.runtime;

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

    private record Entry(long version, OutgoingMessage frame) {}

    private final int maxCount;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    RecentPatches(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    /** Keeps the frame that took the state to {@code version}. */
    void add(long version, OutgoingMessage frame) {
        if (!entries.isEmpty() && entries.peekLast().version() != version - 1) {
            clear();
        }
        entries.addLast(new Entry(version, frame));
        bytes += frame.bytes().length;
        while (!entries.isEmpty() && (entries.size() > maxCount || bytes > maxBytes)) {
            bytes -= entries.removeFirst().frame().bytes().length;
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
}
