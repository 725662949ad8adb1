package dev.zocket.spi;

/**
 * Creates the generated handle type of one actor over a channel. Generated; one per contract.
 *
 * @param <H> the generated handle type
 */
public interface HandleFactory<H> {

    /** The actor name on the wire. */
    String actorName();

    /** Wraps a channel to one actor instance in the typed handle. */
    H create(ActorChannel channel);

    /**
     * Applies patches to the typed state directly, so the client need not decode the whole
     * state after each one; {@code null} (the default, and what handles generated before
     * appliers existed return) makes the client decode the patched JSON instead.
     */
    default StateApplier<?> stateApplier() {
        return null;
    }
}
