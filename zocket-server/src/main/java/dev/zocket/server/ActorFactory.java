package dev.zocket.server;

/**
 * Creates the implementation of one actor instance. Usually a constructor reference:
 * {@code ChatRoomActor::new}.
 *
 * @param <C> the contract
 * @param <S> the state record
 * @param <E> the events interface
 */
@FunctionalInterface
public interface ActorFactory<C, S extends Record, E> {

    C create(ActorContext<S, E> context);
}
