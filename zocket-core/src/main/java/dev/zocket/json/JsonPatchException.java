package dev.zocket.json;

import dev.zocket.ZocketException;

/**
 * A JSON Patch that is malformed or cannot be applied. The message names the failing
 * operation by index, kind and path, for example
 * {@code operation 2 (remove /players/7): no element at index 7, the array has 3}.
 */
public class JsonPatchException extends ZocketException {

    private static final long serialVersionUID = 1L;

    public JsonPatchException(String message) {
        super(message);
    }

    static JsonPatchException at(int index, PatchOperation operation, String problem) {
        return new JsonPatchException(
                "operation " + index + " (" + operation.describe() + "): " + problem);
    }
}
