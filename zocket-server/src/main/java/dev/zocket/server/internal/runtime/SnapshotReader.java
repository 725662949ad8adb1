package dev.zocket.server.internal.runtime;

import dev.zocket.json.DecodeException;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a stored snapshot into the state record as it is declared now. The snapshot is laid over
 * the initial state, component by component: a component the record gained since the snapshot
 * was written keeps its initial value, one it lost is ignored, and one whose stored value no
 * longer fits its type fails with an error naming the actor, the id and the component.
 */
final class SnapshotReader {

    private SnapshotReader() {}

    @SuppressWarnings("unchecked")
    static <S extends Record> S read(JsonCodec json, S initial, String snapshot, InstanceKey key) {
        JsonNode stored;
        try {
            stored = json.parse(snapshot);
        } catch (DecodeException e) {
            throw new IllegalStateException("The stored state of " + key + " is not valid JSON", e);
        }
        if (!(json.toTree(initial) instanceof ObjectNode merged) || !stored.isObject()) {
            throw new IllegalStateException("The stored state of " + key + " is not an object like "
                    + initial.getClass().getSimpleName());
        }
        List<String> components = new ArrayList<>();
        for (Map.Entry<String, JsonNode> component : merged.properties()) {
            components.add(component.getKey());
        }
        for (String component : components) {
            JsonNode value = stored.get(component);
            if (value != null) {
                merged.set(component, value);
            }
        }
        try {
            return (S) json.decode(merged, JsonType.of(initial.getClass()));
        } catch (DecodeException incompatible) {
            throw new IllegalStateException("The stored state of " + key + " does not fit "
                    + initial.getClass().getSimpleName() + ": component '" + incompatible.path() + "' "
                    + incompatible.reason() + " (the stored data was left as it was)", incompatible);
        }
    }
}
