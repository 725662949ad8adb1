package dev.zocket.diff;

/**
 * Adds to {@code patch} the operations that turn the JSON of {@code before}, found at
 * {@code path}, into the JSON of {@code after}.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ValueDiffer<T> {

    void diff(String path, T before, T after, PatchBuilder patch);
}
