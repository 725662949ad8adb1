package dev.zocket.server.internal.runtime;

import dev.zocket.json.JsonPatch;
import dev.zocket.protocol.StatePatch;
import dev.zocket.server.persistence.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Rebuilds the {@code state:patch} frames a resuming subscriber missed from a durable change log. */
final class StoredPatches {

    private StoredPatches() {}

    /**
     * The frames from {@code since} (exclusive) to {@code current}, in order, or {@code null} when
     * the log no longer holds all of them (retention pruned some).
     */
    static List<OutgoingMessage> read(Durability durability, InstanceKey key, long since, long current, Codecs codecs) {
        int needed = Math.toIntExact(current - since);
        List<Change> newestFirst = durability.history(key, current + 1, needed);
        if (newestFirst.size() != needed) {
            return null;
        }
        List<OutgoingMessage> frames = new ArrayList<>(needed);
        for (int i = needed - 1; i >= 0; i--) {
            Change change = newestFirst.get(i);
            if (change.version() != current - i) {
                return null;
            }
            var operations = JsonPatch.fromJson(codecs.json().parse(change.patch())).operations();
            frames.add(codecs.encode(new StatePatch(key.actor(), key.id(), operations,
                    OptionalLong.of(change.version()))));
        }
        return frames;
    }
}
