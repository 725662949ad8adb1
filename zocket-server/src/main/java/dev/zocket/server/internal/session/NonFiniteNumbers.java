package dev.zocket.server.internal.session;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;

/**
 * Finds numbers that are not finite in an RPC's input: {@code 1e999} parses as Infinity, and a
 * 400-digit integer becomes one when a handler reads it as a {@code double}. Inputs are rejected
 * rather than let such a value reach a state that JSON cannot carry.
 */
final class NonFiniteNumbers {

    private NonFiniteNumbers() {}

    /** Whether {@code input} holds a number, at any depth, whose value as a double is not finite. */
    static boolean in(JsonNode input) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(input);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isNumber()) {
                if (!Double.isFinite(node.doubleValue())) {
                    return true;
                }
            } else if (node.isContainer()) {
                for (JsonNode child : node) {
                    pending.push(child);
                }
            }
        }
        return false;
    }
}
