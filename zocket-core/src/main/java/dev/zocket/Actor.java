package dev.zocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an actor contract: a public interface whose methods are the actor's RPC methods.
 *
 * <p>The Zocket annotation processor reads the interface and generates the typed client handle,
 * the server dispatcher, the event emitter and the state differ. A minimal contract:
 *
 * <pre>{@code
 * @Actor("counter")
 * public interface Counter {
 *     record State(int count) {}
 *     record Set(int value) {}
 *
 *     int increment();          // no input
 *     int set(Set input);       // input is one record
 *     void reset();             // the caller still gets an acknowledgement
 * }
 * }</pre>
 *
 * <p>Rules the processor enforces: the interface is public and top-level or nested in a public
 * type; the state is a record; every method takes zero parameters or one record parameter and
 * returns {@code void}, a serializable type, or a {@code CompletionStage} of one; events, if any,
 * live in one nested interface named {@code Events} (or annotated {@link Events}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Actor {

    /** The actor's name on the wire, for example {@code "chat"}. Unique within a server. */
    String value();

    /**
     * The state record. Defaults to the member record named {@code State}; set it when the state
     * record is declared elsewhere, for example shared between actors.
     */
    Class<? extends Record> state() default Record.class;
}
