package dev.zocket.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 6902 JSON Patch: an ordered, immutable list of {@link PatchOperation}s.
 *
 * <p>{@link #apply(JsonNode)} never mutates its input. It copies only the containers on the
 * path of each operation and shares every untouched sub-tree with the input, so applying a
 * one-element append to a large document costs the length of the array touched, not the size
 * of the document. The result must therefore be treated as immutable too, like the input.
 *
 * <pre>{@code
 * JsonPatch patch = JsonPatch.of(List.of(PatchOperation.add("/messages/-", text("hi"))));
 * JsonNode next = patch.apply(current);
 * }</pre>
 */
public final class JsonPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<PatchOperation> operations;

    private JsonPatch(List<PatchOperation> operations) {
        this.operations = operations;
    }

    public static JsonPatch of(List<PatchOperation> operations) {
        return new JsonPatch(List.copyOf(operations));
    }

    /**
     * Reads a patch document: an array of operation objects.
     *
     * @throws JsonPatchException naming the first malformed operation: not an object, unknown
     *     {@code op}, missing or non-string {@code path}/{@code from}, missing {@code value}, or
     *     a pointer that is not valid RFC 6901
     */
    public static JsonPatch fromJson(JsonNode document) {
        if (document == null || !document.isArray()) {
            throw new JsonPatchException("a JSON Patch must be an array of operations");
        }
        List<PatchOperation> operations = new ArrayList<>(document.size());
        for (int i = 0; i < document.size(); i++) {
            operations.add(readOperation(i, document.get(i)));
        }
        return new JsonPatch(Collections.unmodifiableList(operations));
    }

    private static PatchOperation readOperation(int index, JsonNode node) {
        String where = "operation " + index;
        if (!node.isObject()) {
            throw new JsonPatchException(where + ": must be an object");
        }
        JsonNode opNode = node.get("op");
        if (opNode == null || !opNode.isString()) {
            throw new JsonPatchException(where + ": missing 'op'");
        }
        PatchOperation.Op op = PatchOperation.Op.fromWireName(opNode.stringValue());
        if (op == null) {
            throw new JsonPatchException(where + ": unknown op '" + opNode.stringValue() + "'");
        }
        String path = readPointer(node, "path", where + " (" + op.wireName() + ")");
        String from = op.takesFrom() ? readPointer(node, "from", where + " (" + op.wireName() + ")") : null;
        JsonNode value = null;
        if (op.takesValue()) {
            value = node.get("value");
            if (value == null) {
                throw new JsonPatchException(where + " (" + op.wireName() + " " + path + "): missing 'value'");
            }
        }
        return new PatchOperation(op, path, from, value);
    }

    private static String readPointer(JsonNode node, String field, String where) {
        JsonNode pointer = node.get(field);
        if (pointer == null || !pointer.isString()) {
            throw new JsonPatchException(where + ": missing '" + field + "'");
        }
        try {
            JsonPointer.parse(pointer.stringValue());
        } catch (IllegalArgumentException e) {
            throw new JsonPatchException(where + ": invalid '" + field + "': " + e.getMessage());
        }
        return pointer.stringValue();
    }

    public List<PatchOperation> operations() {
        return operations;
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** The patch as a JSON array, ready to serialize. */
    public ArrayNode toJson() {
        ArrayNode array = NODES.arrayNode(operations.size());
        for (PatchOperation operation : operations) {
            ObjectNode node = array.addObject();
            node.put("op", operation.op().wireName());
            if (operation.from() != null) {
                node.put("from", operation.from());
            }
            node.put("path", operation.path());
            if (operation.value() != null) {
                node.set("value", operation.value());
            }
        }
        return array;
    }

    /**
     * Applies every operation in order and returns the resulting document.
     *
     * @throws JsonPatchException naming the first operation that cannot be applied and why;
     *     the input is unchanged
     */
    public JsonNode apply(JsonNode document) {
        Objects.requireNonNull(document, "document");
        JsonNode current = document;
        for (int i = 0; i < operations.size(); i++) {
            PatchOperation operation = operations.get(i);
            try {
                current = applyOne(current, operation);
            } catch (Problem problem) {
                throw JsonPatchException.at(i, operation, problem.getMessage());
            } catch (IllegalArgumentException badPointer) {
                throw JsonPatchException.at(i, operation, badPointer.getMessage());
            }
        }
        return current;
    }

    private static JsonNode applyOne(JsonNode document, PatchOperation operation) {
        JsonPointer path = JsonPointer.parse(operation.path());
        switch (operation.op()) {
            case ADD:
                return add(document, path, operation.value());
            case REMOVE:
                return remove(document, path);
            case REPLACE:
                return replace(document, path, operation.value());
            case MOVE: {
                JsonPointer from = JsonPointer.parse(operation.from());
                if (from.equals(path)) {
                    valueAt(document, from);
                    return document;
                }
                if (from.isProperPrefixOf(path)) {
                    throw new Problem("cannot move a value into one of its own children");
                }
                JsonNode moved = valueAt(document, from);
                return add(remove(document, from), path, moved);
            }
            case COPY:
                return add(document, path, valueAt(document, JsonPointer.parse(operation.from())));
            case TEST: {
                JsonNode actual = valueAt(document, path);
                if (!JsonEquality.equal(actual, operation.value())) {
                    throw new Problem("value is " + actual + ", expected " + operation.value());
                }
                return document;
            }
            default:
                throw new AssertionError(operation.op());
        }
    }

    private static JsonNode add(JsonNode document, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        return editParent(document, path, (container, token) -> {
            if (container.isObject()) {
                ((ObjectNode) container).set(token, value);
            } else {
                ArrayNode array = (ArrayNode) container;
                if (token.equals("-")) {
                    array.add(value);
                } else {
                    int index = requireIndex(token);
                    if (index > array.size()) {
                        throw new Problem("index " + index + " is past the end of an array of " + array.size());
                    }
                    array.insert(index, value);
                }
            }
        });
    }

    private static JsonNode remove(JsonNode document, JsonPointer path) {
        if (path.isRoot()) {
            throw new Problem("cannot remove the whole document");
        }
        return editParent(document, path, (container, token) -> {
            if (container.isObject()) {
                if (((ObjectNode) container).remove(token) == null) {
                    throw new Problem("no member '" + token + "' to remove");
                }
            } else {
                ArrayNode array = (ArrayNode) container;
                int index = existingIndex(array, token);
                array.remove(index);
            }
        });
    }

    private static JsonNode replace(JsonNode document, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        return editParent(document, path, (container, token) -> {
            if (container.isObject()) {
                ObjectNode object = (ObjectNode) container;
                if (!object.has(token)) {
                    throw new Problem("no member '" + token + "' to replace");
                }
                object.set(token, value);
            } else {
                ArrayNode array = (ArrayNode) container;
                array.set(existingIndex(array, token), value);
            }
        });
    }

    /** The value {@code path} points at, or a {@link Problem} saying where the walk failed. */
    private static JsonNode valueAt(JsonNode document, JsonPointer path) {
        JsonNode node = document;
        for (String token : path.tokens()) {
            node = child(node, token);
        }
        return node;
    }

    private static JsonNode child(JsonNode container, String token) {
        if (container.isObject()) {
            JsonNode child = container.get(token);
            if (child == null) {
                throw new Problem("no member '" + token + "'");
            }
            return child;
        }
        if (container.isArray()) {
            return container.get(existingIndex((ArrayNode) container, token));
        }
        throw new Problem("cannot descend into " + container.getNodeType().name().toLowerCase() + " with '" + token + "'");
    }

    private interface ContainerEdit {
        void apply(JsonNode containerCopy, String token);
    }

    /**
     * Copies the containers from the root down to the parent of {@code path}, applies
     * {@code edit} to the copied parent, and returns the new root. Siblings are shared.
     */
    private static JsonNode editParent(JsonNode document, JsonPointer path, ContainerEdit edit) {
        return editParent(document, path.tokens(), 0, edit);
    }

    private static JsonNode editParent(JsonNode node, List<String> tokens, int depth, ContainerEdit edit) {
        String token = tokens.get(depth);
        if (!node.isContainer()) {
            throw new Problem("parent is a " + node.getNodeType().name().toLowerCase() + ", not an object or array");
        }
        JsonNode copy = shallowCopy(node);
        if (depth == tokens.size() - 1) {
            edit.apply(copy, token);
            return copy;
        }
        JsonNode updatedChild = editParent(child(node, token), tokens, depth + 1, edit);
        if (copy.isObject()) {
            ((ObjectNode) copy).set(token, updatedChild);
        } else {
            ((ArrayNode) copy).set(JsonPointer.arrayIndex(token), updatedChild);
        }
        return copy;
    }

    private static JsonNode shallowCopy(JsonNode container) {
        if (container.isObject()) {
            return NODES.objectNode().setAll((ObjectNode) container);
        }
        return NODES.arrayNode(container.size()).addAll((ArrayNode) container);
    }

    private static int requireIndex(String token) {
        int index = JsonPointer.arrayIndex(token);
        if (index < 0) {
            throw new Problem("'" + token + "' is not an array index");
        }
        return index;
    }

    private static int existingIndex(ArrayNode array, String token) {
        int index = requireIndex(token);
        if (index >= array.size()) {
            throw new Problem("no element at index " + index + ", the array has " + array.size());
        }
        return index;
    }

    /** Why one operation failed; turned into a {@link JsonPatchException} naming the operation. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPatch other && operations.equals(other.operations);
    }

    @Override
    public int hashCode() {
        return operations.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
