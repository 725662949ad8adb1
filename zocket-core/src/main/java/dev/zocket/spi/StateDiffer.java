package dev.zocket.spi;

import dev.zocket.diff.PatchBuilder;

/**
 * Computes the RFC 6902 operations that turn the JSON of {@code before} into the JSON of
 * {@code after}. Generated per state record; see {@link dev.zocket.diff.Diffs} for the rules.
 *
 * @param <S> the state record
 */
@FunctionalInterface
public interface StateDiffer<S> {

    void diff(S before, S after, PatchBuilder patch);
}
