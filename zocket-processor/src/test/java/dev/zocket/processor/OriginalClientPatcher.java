package dev.zocket.processor;

import dev.zocket.json.JsonPointer;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a patch the way the original Zocket client's state store does, which is not quite
 * RFC 6902: {@code add} and {@code replace} both set the value at the path, so {@code add} at an
 * array index overwrites that element; {@code -} (or the array length) appends; {@code remove}
 * deletes a member or splices an element out. A patch stream that only works under RFC
 * semantics corrupts that client's state, which is what this helper makes visible.
 */
final class OriginalClientPatcher {

    private OriginalClientPatcher() {}

    static JsonNode apply(JsonNode document, JsonNode patch) {
        JsonNode current = document.deepCopy();
        for (JsonNode operation : patch) {
            List<String> path = JsonPointer.parse(operation.get("path").asString()).tokens();
            String op = operation.get("op").asString();
            if (op.equals("add") || op.equals("replace")) {
                current = set(current, path, 0, operation.get("value").deepCopy());
            } else if (op.equals("remove")) {
                current = remove(current, path, 0);
            } else {
                throw new IllegalArgumentException("The original client ignores " + op);
            }
        }
        return current;
    }

    private static JsonNode set(JsonNode node, List<String> path, int depth, JsonNode value) {
        if (depth == path.size()) {
            return value;
        }
        String token = path.get(depth);
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            int index = token.equals("-") ? array.size() : Integer.parseInt(token);
            if (depth == path.size() - 1) {
                if (index == array.size()) {
                    array.add(value);
                } else {
                    array.set(index, value); // an overwrite, not an insert
                }
            } else {
                array.set(index, set(array.get(index), path, depth + 1, value));
            }
            return array;
        }
        ObjectNode object = (ObjectNode) node;
        object.set(token, depth == path.size() - 1 ? value : set(object.get(token), path, depth + 1, value));
        return object;
    }

    private static JsonNode remove(JsonNode node, List<String> path, int depth) {
        String token = path.get(depth);
        if (depth == path.size() - 1) {
            if (node.isArray()) {
                ((ArrayNode) node).remove(Integer.parseInt(token));
            } else {
                ((ObjectNode) node).remove(token);
            }
            return node;
        }
        JsonNode child = node.isArray() ? node.get(Integer.parseInt(token)) : node.get(token);
        JsonNode updated = remove(child, path, depth + 1);
        if (node.isArray()) {
            ((ArrayNode) node).set(Integer.parseInt(token), updated);
        } else {
            ((ObjectNode) node).set(token, updated);
        }
        return node;
    }
}
