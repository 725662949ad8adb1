package dev.zocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static method of an {@link Actor} contract that computes what a state subscriber
 * sees, when subscribers must not all see the whole state.
 *
 * <p>A view is declared in two steps, both static methods of the contract and both pure:
 * an {@link Audience} method sorts each subscriber into an audience, from the state and the
 * {@link Viewer}; the {@code @View} method computes the view from the state and an audience
 * only. Since the view cannot depend on anything else, subscribers in the same audience see
 * equal views, and the server diffs and encodes each change once per audience, not once per
 * subscriber. The view has the state's record type, so clients keep one state shape; fields a
 * subscriber must not see are emptied.
 *
 * <pre>{@code
 * @Actor("draw")
 * public interface DrawGame {
 *     // ...
 *     @View.Audience
 *     static boolean drawing(DrawState state, Viewer viewer) {
 *         return viewer.clientId().equals(state.drawerId());
 *     }
 *
 *     @View
 *     static DrawState view(DrawState state, boolean drawing) {
 *         return drawing ? state : state.withWord("");
 *     }
 * }
 * }</pre>
 *
 * <p>Handlers always see the whole state; only what subscribers receive is a view.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface View {

    /**
     * Marks the static method {@code K audience(State state, Viewer viewer)} that names the
     * audience a subscriber belongs to. {@code K} needs value equality (a record, a string, an
     * enum, a boxed or primitive value); the {@link View} method takes it as second parameter.
     */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface Audience {}
}
