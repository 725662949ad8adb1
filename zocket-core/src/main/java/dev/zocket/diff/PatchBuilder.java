package dev.zocket.diff;

import dev.zocket.json.PatchOperation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Collects the operations a differ emits. Values may be any encodable Java value: strings,
 * numbers and booleans become JSON nodes at once, everything else (records, lists, enums) is
 * wrapped and serialized only when the patch message is written, so an added record is never
 * turned into a tree first.
 *
 * <p>Not thread-safe; one builder per diff.
 */
public final class PatchBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<PatchOperation> operations = new ArrayList<>();

    public PatchBuilder add(String path, Object value) {
        operations.add(PatchOperation.add(path, toNode(value)));
        return this;
    }

    public PatchBuilder replace(String path, Object value) {
        operations.add(PatchOperation.replace(path, toNode(value)));
        return this;
    }

    public PatchBuilder remove(String path) {
        operations.add(PatchOperation.remove(path));
        return this;
    }

    /** The operations so far, in order. */
    public List<PatchOperation> operations() {
        return Collections.unmodifiableList(operations);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public int size() {
        return operations.size();
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number.longValue());
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (value instanceof Float number) {
            return NODES.numberNode(number.floatValue());
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        return NODES.pojoNode(value);
    }
}
