package dev.zocket.server.internal.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds numbers that are not finite in an RPC's input: {@code 1e999} parses as Infinity, and a
 * 400-digit integer becomes one when a handler reads it as a {@code double}. Such input is
 * refused before any actor sees it, so no state ever holds a value JSON cannot carry.
 */
final class NonFiniteNumbers {

    private record Visit(JsonNode node, String path) {}

    private NonFiniteNumbers() {}

    /**
     * The path of the first number in {@code input}, in document order, whose value as a double
     * is not finite, formatted as validation messages format paths ({@code points[1].x}); the
     * input itself is {@code input}.
     */
    static Optional<String> find(JsonNode input) {
        Deque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(input, ""));
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            JsonNode node = visit.node();
            if (node.isNumber()) {
                // Number.doubleValue(), not JsonNode.doubleValue(): the latter throws past the range.
                if (!Double.isFinite(node.numberValue().doubleValue())) {
                    return Optional.of(visit.path().isEmpty() ? "input" : visit.path());
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    pending.push(new Visit(node.get(i), visit.path() + "[" + i + "]"));
                }
            } else if (node.isObject()) {
                List<Visit> children = new ArrayList<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String name = field.getKey();
                    children.add(new Visit(field.getValue(), visit.path().isEmpty() ? name : visit.path() + "." + name));
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
        return Optional.empty();
    }
}
