package dev.zocket.diff;

/**
 * Returns {@code value} with the operation of {@code step} applied, where {@code value} is found
 * after the first {@code depth} tokens of the operation's path. The counterpart of
 * {@link ValueDiffer}; generated per record and container.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ValuePatcher<T> {

    T patch(T value, PatchStep step, int depth);
}
