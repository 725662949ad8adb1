package dev.zocket.server;

/**
 * Runs before every RPC method of the actors it is registered for, in registration order, on
 * the actor's thread. To reject the call, throw: the exception's message becomes the RPC error
 * ({@code forbidden} unless it is an {@link dev.zocket.RpcException} with its own code), and
 * the handler does not run. To enrich it, {@link Invocation#put put} typed context.
 *
 * <pre>{@code
 * Middleware authenticated = call -> {
 *     String user = call.caller().userId().orElseThrow(() -> RpcException.forbidden("Unauthorized"));
 *     call.put(User.class, users.get(user));
 * };
 * }</pre>
 *
 * <p>Middleware runs after the method name is known to exist and before the input is decoded,
 * so unauthorised callers learn nothing about a method's input rules. Keep it quick: it runs
 * on the actor's thread, between that actor's messages.
 */
@FunctionalInterface
public interface Middleware {

    void before(Invocation call) throws Exception;
}
