package dev.zocket;

import dev.zocket.spi.HandleFactory;

/**
 * Something handles can be obtained from: the WebSocket client, or a simulated client of the
 * test kit. Users rarely call it directly; each generated handle has a typed factory:
 *
 * <pre>{@code
 * ChatRoomHandle room = ChatRoomHandle.of(client, "general");
 * }</pre>
 */
public interface ActorClient {

    /**
     * Returns a handle to the instance {@code actorId} of the actor {@code factory} describes.
     * Handles to the same instance share subscriptions and state; each must be closed.
     */
    <H> H handle(HandleFactory<H> factory, String actorId);
}
