package dev.zocket.client.internal;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.JsonPatchException;
import dev.zocket.json.JsonType;
import dev.zocket.json.PatchOperation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The client's copy of one instance's state: the JSON tree from the last snapshot with every
 * patch since applied, its version, and the typed value decoded from it (once per type and
 * update). Not thread-safe: the engine guards it.
 */
final class StateStore {

    /** What applying a patch did. */
    enum PatchOutcome {
        /** Applied; subscribers should hear of it. */
        APPLIED,
        /** Ignored: no snapshot yet, or a fresh one has been asked for. */
        IGNORED,
        /** The patch does not follow the current version, or does not apply: resubscribe. */
        RESYNC
    }

    private JsonNode tree;
    private OptionalLong version = OptionalLong.empty();
    private boolean awaitingSnapshot = true;
    private final Map<JsonType<?>, Object> decoded = new HashMap<>();

    void snapshot(JsonNode state, OptionalLong version) {
        this.tree = state;
        this.version = version;
        this.awaitingSnapshot = false;
        decoded.clear();
    }

    PatchOutcome patch(List<PatchOperation> operations, OptionalLong patchVersion) {
        if (tree == null || awaitingSnapshot) {
            return PatchOutcome.IGNORED;
        }
        if (patchVersion.isPresent() && version.isPresent() && patchVersion.getAsLong() != version.getAsLong() + 1) {
            awaitingSnapshot = true;
            return PatchOutcome.RESYNC;
        }
        try {
            tree = JsonPatch.of(operations).apply(tree);
        } catch (JsonPatchException e) {
            awaitingSnapshot = true;
            return PatchOutcome.RESYNC;
        }
        version = patchVersion.isPresent() ? patchVersion : OptionalLong.empty();
        decoded.clear();
        return PatchOutcome.APPLIED;
    }

    /** The connection dropped: keep the last value for reads, but expect a fresh snapshot. */
    void connectionLost() {
        awaitingSnapshot = true;
    }

    void clear() {
        tree = null;
        version = OptionalLong.empty();
        awaitingSnapshot = true;
        decoded.clear();
    }

    boolean hasValue() {
        return tree != null;
    }

    OptionalLong version() {
        return version;
    }

    /** The state as {@code type}, decoded once per update. */
    @SuppressWarnings("unchecked")
    <S> S typed(JsonType<S> type, JsonCodec json) {
        if (tree == null) {
            return null;
        }
        Object value = decoded.get(type);
        if (value == null) {
            value = json.decode(tree, type);
            decoded.put(type, value);
        }
        return (S) value;
    }
}
