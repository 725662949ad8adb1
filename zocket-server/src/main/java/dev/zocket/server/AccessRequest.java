package dev.zocket.server;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a client asks to do, as an {@link Authorizer} sees it: decided before any instance
 * is looked up or created, so nothing here says whether the instance or the method exists.
 *
 * @param caller who asks, with the user id and claims the {@link Authenticator} gave the connection
 * @param actor the actor name, one the server serves
 * @param actorId the instance id, as the client sent it
 * @param kind calling, or subscribing to state or events
 * @param method the method called, for {@link AccessKind#CALL}; empty for subscriptions. It may
 *     name no method of the contract: an authorizer should deny what it does not know.
 */
public record AccessRequest(Caller caller, String actor, String actorId, AccessKind kind, Optional<String> method) {

    public AccessRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        if (method.isPresent() != (kind == AccessKind.CALL)) {
            throw new IllegalArgumentException("A method is given for calls, and only for calls: " + kind);
        }
    }

    /** A call to {@code method}. */
    public static AccessRequest call(Caller caller, String actor, String actorId, String method) {
        return new AccessRequest(caller, actor, actorId, AccessKind.CALL, Optional.of(method));
    }

    /** A {@code state:sub} or {@code event:sub}. */
    public static AccessRequest subscribe(Caller caller, String actor, String actorId, AccessKind kind) {
        return new AccessRequest(caller, actor, actorId, kind, Optional.empty());
    }
}
