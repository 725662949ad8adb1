package dev.zocket.diff;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPointer;
import dev.zocket.json.JsonType;
import dev.zocket.json.PatchOperation;
import java.util.List;
import java.util.Objects;

/**
 * One operation of an incoming patch, as a generated {@link dev.zocket.spi.StateApplier} walks
 * its path: the value at {@code depth} is the one reached after the first {@code depth} tokens,
 * and it is the target of the operation when the path has no more tokens.
 */
public final class PatchStep {

    private final PatchOperation operation;
    private final List<String> tokens;
    private final JsonCodec json;

    private PatchStep(PatchOperation operation, List<String> tokens, JsonCodec json) {
        this.operation = operation;
        this.tokens = tokens;
        this.json = json;
    }

    /**
     * @throws UnsupportedPatchException for {@code move}, {@code copy} and {@code test}, which
     *     the differ never produces, and for a path that is not a JSON Pointer
     */
    public static PatchStep of(PatchOperation operation, JsonCodec json) {
        Objects.requireNonNull(json, "json");
        PatchOperation.Op op = operation.op();
        if (op != PatchOperation.Op.ADD && op != PatchOperation.Op.REPLACE && op != PatchOperation.Op.REMOVE) {
            throw new UnsupportedPatchException("cannot apply " + operation.describe() + " to a typed value");
        }
        List<String> tokens;
        try {
            tokens = JsonPointer.parse(operation.path()).tokens();
        } catch (IllegalArgumentException e) {
            throw new UnsupportedPatchException(e.getMessage());
        }
        return new PatchStep(operation, tokens, json);
    }

    public PatchOperation.Op op() {
        return operation.op();
    }

    /** Whether the value at {@code depth} is the one the operation adds, replaces or removes. */
    public boolean isTarget(int depth) {
        return tokens.size() == depth;
    }

    /** The token that leads from the value at {@code depth} to its child. */
    public String token(int depth) {
        return tokens.get(depth);
    }

    /**
     * The new value of the target: the operation's value decoded as {@code type}. An {@code add}
     * is a replacement here; callers handle the {@code add} of a list element or map entry.
     *
     * @throws UnsupportedPatchException for a {@code remove}
     */
    public <T> T replacement(JsonType<T> type) {
        if (operation.op() == PatchOperation.Op.REMOVE) {
            throw unsupported("removing a member is not something the differ does");
        }
        return json.decode(operation.value(), type);
    }

    /** The new value of a member at {@code depth} that is replaced whole when it changes. */
    public <T> T leaf(int depth, JsonType<T> type) {
        if (!isTarget(depth)) {
            throw unsupported("a " + type + " is replaced whole, not changed inside");
        }
        return replacement(type);
    }

    /** As {@link #leaf}, for a primitive member, which JSON {@code null} does not fit. */
    public <T> T primitive(int depth, JsonType<T> type) {
        T value = leaf(depth, type);
        if (value == null) {
            throw unsupported("null does not fit a primitive");
        }
        return value;
    }

    /** The exception to throw when the operation cannot be followed; {@code why} says where it stopped. */
    public UnsupportedPatchException unsupported(String why) {
        return new UnsupportedPatchException("cannot apply " + operation.describe() + " to a typed value: " + why);
    }
}
