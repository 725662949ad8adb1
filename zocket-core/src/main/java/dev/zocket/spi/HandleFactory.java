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
}
