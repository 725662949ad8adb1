package dev.zocket.spi;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** What an actor method returned, as reported by a generated {@link MethodDispatcher}. */
public sealed interface MethodResult {

    /** A void method completed. */
    static MethodResult none() {
        return None.INSTANCE;
    }

    /** A method returned {@code value} (possibly {@code null}). */
    static MethodResult value(Object value) {
        return new Value(value);
    }

    /** An asynchronous method returned {@code stage}; the instance stays busy until it completes. */
    static MethodResult pending(CompletionStage<?> stage, boolean isVoid) {
        return new Pending(stage, isVoid);
    }

    /** A void method completed. */
    final class None implements MethodResult {
        static final None INSTANCE = new None();

        private None() {}
    }

    /** A method returned a value. */
    record Value(Object value) implements MethodResult {}

    /**
     * An asynchronous method returned a stage.
     *
     * @param isVoid whether the stage's value is to be ignored ({@code CompletionStage<Void>})
     */
    record Pending(CompletionStage<?> stage, boolean isVoid) implements MethodResult {
        public Pending {
            Objects.requireNonNull(stage, "An asynchronous actor method returned null instead of a CompletionStage");
        }
    }
}
