package dev.zocket.json;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One RFC 6902 operation. Paths are kept as escaped pointer text, exactly as on the wire.
 *
 * @param op what to do
 * @param path where to do it
 * @param from the source pointer of {@code move} and {@code copy}; {@code null} otherwise
 * @param value the value of {@code add}, {@code replace} and {@code test} (JSON null is a
 *     {@code NullNode}); {@code null} otherwise
 */
public record PatchOperation(Op op, String path, String from, JsonNode value) {

    /** The six operations of RFC 6902. */
    public enum Op {
        ADD("add"),
        REMOVE("remove"),
        REPLACE("replace"),
        MOVE("move"),
        COPY("copy"),
        TEST("test");

        private final String wireName;

        Op(String wireName) {
            this.wireName = wireName;
        }

        /** The spelling on the wire, for example {@code "add"}. */
        public String wireName() {
            return wireName;
        }

        /** The operation spelled {@code name}, or {@code null} if there is none. */
        public static Op fromWireName(String name) {
            for (Op op : values()) {
                if (op.wireName.equals(name)) {
                    return op;
                }
            }
            return null;
        }

        boolean takesValue() {
            return this == ADD || this == REPLACE || this == TEST;
        }

        boolean takesFrom() {
            return this == MOVE || this == COPY;
        }
    }

    public PatchOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
        if (op.takesValue() && value == null) {
            throw new IllegalArgumentException(op.wireName + " needs a value (use NullNode for JSON null)");
        }
        if (!op.takesValue() && value != null) {
            throw new IllegalArgumentException(op.wireName + " takes no value");
        }
        if (op.takesFrom() && from == null) {
            throw new IllegalArgumentException(op.wireName + " needs a 'from' pointer");
        }
        if (!op.takesFrom() && from != null) {
            throw new IllegalArgumentException(op.wireName + " takes no 'from' pointer");
        }
    }

    public static PatchOperation add(String path, JsonNode value) {
        return new PatchOperation(Op.ADD, path, null, value);
    }

    public static PatchOperation remove(String path) {
        return new PatchOperation(Op.REMOVE, path, null, null);
    }

    public static PatchOperation replace(String path, JsonNode value) {
        return new PatchOperation(Op.REPLACE, path, null, value);
    }

    public static PatchOperation move(String from, String path) {
        return new PatchOperation(Op.MOVE, path, from, null);
    }

    public static PatchOperation copy(String from, String path) {
        return new PatchOperation(Op.COPY, path, from, null);
    }

    public static PatchOperation test(String path, JsonNode value) {
        return new PatchOperation(Op.TEST, path, null, value);
    }

    /** A short description for error messages: {@code "move /a -> /b"}, {@code "remove /x"}. */
    public String describe() {
        String shownPath = path.isEmpty() ? "\"\"" : path;
        if (from != null) {
            return op.wireName + " " + (from.isEmpty() ? "\"\"" : from) + " -> " + shownPath;
        }
        return op.wireName + " " + shownPath;
    }
}
