package dev.zocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the interface, nested in an {@link Actor} contract, that declares the actor's events,
 * when it is not named {@code Events}. A nested interface named {@code Events} needs no
 * annotation (inside the contract, that name would hide this annotation anyway).
 *
 * <p>Each method is one event: it returns {@code void} and takes one record parameter, the
 * payload. The method name is the event name on the wire.
 *
 * <pre>{@code
 * @Actor("chat")
 * public interface ChatRoom {
 *     // ...
 *     @dev.zocket.Events
 *     interface Notifications {
 *         void newMessage(Message message);
 *     }
 * }
 * }</pre>
 *
 * <p>Server code emits through a generated implementation of this interface; clients subscribe
 * through one typed method per event on the generated handle.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Events {}
