package dev.zocket;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The client-side copy of an actor instance's state.
 *
 * <p>The first {@link #subscribe} sends {@code state:sub}; the server answers with a snapshot
 * and then a patch after every change. Listeners run synchronously after each update, and a
 * listener added when a value is already known is called at once with it. Nothing is delivered
 * before the first snapshot. When the last listener unsubscribes, {@code state:unsub} is sent.
 *
 * @param <S> the state record
 */
public interface StateView<S> {

    /** Registers a listener for every state update. */
    Subscription subscribe(Consumer<? super S> listener);

    /** The latest state received, or empty before the first snapshot. */
    Optional<S> snapshot();

    /**
     * The version of {@link #snapshot()}, when the server sends versions: what the subscription
     * resumes from after a reconnect, and the base version for a conditional call
     * ({@code handle.withBaseVersion(version)}).
     */
    OptionalLong version();
}
