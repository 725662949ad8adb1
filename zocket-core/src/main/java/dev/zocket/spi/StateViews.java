package dev.zocket.spi;

import dev.zocket.Viewer;

/**
 * A contract's per-subscriber views, generated from its {@link dev.zocket.View} and
 * {@link dev.zocket.View.Audience} methods. A host sorts subscribers by {@link #audience}, and
 * computes, diffs and encodes one view per audience.
 *
 * @param <S> the state record
 * @param <K> the audience key, with value equality
 */
public interface StateViews<S, K> {

    /** The audience {@code viewer} belongs to while the state is {@code state}. */
    K audience(S state, Viewer viewer);

    /** What the members of {@code audience} see of {@code state}. */
    S view(S state, K audience);
}
