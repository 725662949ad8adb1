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
        decoded.clear();
    }

    PatchOutcome patch(List<PatchOperation> operations, OptionalLong patchVersion) {
        if (!hasValue() || awaitingSnapshot) {
            return PatchOutcome.IGNORED;
        }
        if (patchVersion.isPresent() && version.isPresent() && patchVersion.getAsLong() != version.getAsLong() + 1) {
            awaitingSnapshot = true;
            return PatchOutcome.RESYNC;
        }
        if (!applyTyped(operations)) {
            try {
                tree = JsonPatch.of(operations).apply(tree());
                typed = null;
            } catch (JsonPatchException e) {
                awaitingSnapshot = true;
                return PatchOutcome.RESYNC;
            }
        }
        version = patchVersion.isPresent() ? patchVersion : OptionalLong.empty();
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

    /** The connection dropped: keep the last value for reads, but expect a fresh snapshot. */
    void connectionLost() {
        awaitingSnapshot = true;
    }

    void clear() {
        tree = null;
        typed = null;
        version = OptionalLong.empty();
        awaitingSnapshot = true;
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
