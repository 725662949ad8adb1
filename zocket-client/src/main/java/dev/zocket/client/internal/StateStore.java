package dev.zocket.client.internal;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.JsonPatchException;
import dev.zocket.json.JsonType;
import dev.zocket.json.PatchOperation;
import dev.zocket.spi.StateApplier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The client's copy of one instance's state and its version.
 *
 * <p>After the connection drops, a copy with a version {@linkplain #resumeFrom() resumes}: the
 * subscription is re-sent with that version as {@code since}, and the copy accepts either a
 * snapshot, which replaces it, or the patches that follow its version, each carrying the next
 * version. Anything else (a gap, a patch that does not apply) makes it ask for a snapshot, as on
 * a live connection. A copy without a version waits for a snapshot.
 *
 * <p>Without a {@link StateApplier} the copy is the JSON tree from the last snapshot with every
 * patch since applied, and typed values are decoded from it once per type and update. With one
 * (generated handles bring theirs), a patch is applied to the typed state record directly, and
 * the tree is let go: the typed value is then the copy, and the JSON is encoded from it only
 * when needed, for a patch the applier does not follow (applied to the JSON, then decoded whole,
 * as without an applier) or for a listener that wants the state as another type.
 *
 * <p>Not thread-safe: the engine guards it.
 */
final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    /** What applying a patch did. */
    enum PatchOutcome {
        /** Applied; subscribers should hear of it. */
        APPLIED,
        /** Ignored: no snapshot yet, or a fresh one has been asked for. */
        IGNORED,
        /** The patch does not follow the current version, or does not apply: resubscribe. */
        RESYNC
    }

    private final JsonCodec json;
    private StateApplier<Object> applier;
    private JsonType<?> applierType;
    /** The JSON of the state, or {@code null} while {@link #typed} alone holds it. */
    private JsonNode tree;
    /** The state as the applier's type, or {@code null} until decoded or when only the tree is current. */
    private Object typed;
    private OptionalLong version = OptionalLong.empty();
    private boolean awaitingSnapshot = true;
    /** Re-subscribed with {@code since}: only a snapshot or the next versioned patch may follow. */
    private boolean resuming;
    /** Values of other types than the applier's, decoded once per update. */
    private final Map<JsonType<?>, Object> decoded = new HashMap<>();

    StateStore(JsonCodec json) {
        this.json = json;
    }

    /** Applies later patches with {@code applier}; the first applier offered is kept. */
    @SuppressWarnings("unchecked")
    void useApplier(StateApplier<?> offered) {
        if (applier == null && offered != null) {
            applier = (StateApplier<Object>) offered;
            applierType = JsonType.of(offered.stateType());
        }
    }

    void snapshot(JsonNode state, OptionalLong version) {
        this.tree = state;
        this.typed = null;
        this.version = version;
        this.awaitingSnapshot = false;
        this.resuming = false;
        decoded.clear();
    }

    PatchOutcome patch(List<PatchOperation> operations, OptionalLong patchVersion) {
        if (!hasValue() || awaitingSnapshot) {
            return PatchOutcome.IGNORED;
        }
        if (resuming && patchVersion.isEmpty()) {
            return PatchOutcome.IGNORED; // a server that ignored since: its snapshot comes first
        }
        if (patchVersion.isPresent() && version.isPresent() && patchVersion.getAsLong() != version.getAsLong() + 1) {
            awaitingSnapshot = true;
            resuming = false;
            return PatchOutcome.RESYNC;
        }
        if (!applyTyped(operations)) {
            try {
                tree = JsonPatch.of(operations).apply(tree());
                typed = null;
            } catch (JsonPatchException e) {
                awaitingSnapshot = true;
                resuming = false;
                return PatchOutcome.RESYNC;
            }
        }
        version = patchVersion.isPresent() ? patchVersion : OptionalLong.empty();
        resuming = false;
        decoded.clear();
        return PatchOutcome.APPLIED;
    }

    /**
     * Applies the patch to the typed state, if there is an applier and it follows every
     * operation; otherwise changes nothing, and the caller patches the JSON.
     */
    private boolean applyTyped(List<PatchOperation> operations) {
        if (applier == null) {
            return false;
        }
        try {
            Object next = applier.apply(typedState(), operations, json);
            typed = next;
            tree = null;
            return true;
        } catch (RuntimeException notFollowed) {
            // UnsupportedPatchException or DecodeException, usually: the JSON path decides, and
            // reports a state that does not fit when a listener decodes it.
            LOG.debug("Applying the patch to the JSON instead of the typed state: {}", notFollowed.toString());
            return false;
        }
    }

    /**
     * The connection dropped: the last value stays readable. A copy with a version will resume
     * from it; one without waits for a fresh snapshot.
     */
    void connectionLost() {
        if (resumeFrom().isPresent()) {
            resuming = true;
        } else {
            awaitingSnapshot = true;
        }
    }

    /**
     * The version to re-subscribe from, as {@code since}: the copy's version, when it has one it
     * can continue from; empty when it has no value or no version, or is waiting for a snapshot
     * because the last patch did not follow it.
     */
    OptionalLong resumeFrom() {
        return hasValue() && !awaitingSnapshot ? version : OptionalLong.empty();
    }

    void clear() {
        tree = null;
        typed = null;
        version = OptionalLong.empty();
        awaitingSnapshot = true;
        resuming = false;
        decoded.clear();
    }

    boolean hasValue() {
        return tree != null || typed != null;
    }

    OptionalLong version() {
        return version;
    }

    /**
     * The state as {@code type}: the applier's value when the type is its state record, otherwise
     * decoded once per update.
     *
     * @throws dev.zocket.json.DecodeException if the state does not fit {@code type}
     */
    @SuppressWarnings("unchecked")
    <S> S typed(JsonType<S> type) {
        if (!hasValue()) {
            return null;
        }
        if (type.equals(applierType)) {
            return (S) typedState();
        }
        Object value = decoded.get(type);
        if (value == null) {
            value = json.decode(tree(), type);
            decoded.put(type, value);
        }
        return (S) value;
    }

    /** The state as the applier's type, decoded from the tree if it is not yet. */
    private Object typedState() {
        if (typed == null) {
            typed = json.decode(tree, applierType);
        }
        return typed;
    }

    /** The JSON of the state, encoded from the typed value if only that is current. */
    private JsonNode tree() {
        if (tree == null) {
            tree = json.toTree(typed);
        }
        return tree;
    }
}
