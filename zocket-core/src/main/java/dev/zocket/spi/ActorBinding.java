package dev.zocket.spi;

import java.util.List;

/**
 * Everything a host needs to run actors of one contract, generated per {@code @Actor}
 * interface and registered for {@link java.util.ServiceLoader}. Look one up with
 * {@link ActorBindings#forContract(Class)}.
 *
 * @param <C> the contract interface
 * @param <S> the state record
 * @param <E> the events interface, or {@link NoEvents}
 */
public interface ActorBinding<C, S extends Record, E> {

    /** The actor name on the wire. */
    String actorName();

    /** The {@code @Actor} interface. */
    Class<C> contract();

    /**
     * The state of a fresh instance: {@code new State()} when the record declares a no-argument
     * constructor, otherwise its canonical constructor called with empty values (empty
     * collections, {@code Optional.empty()}, zero, {@code false}, {@code null}).
     */
    S initialState();

    /** Routes RPCs to an implementation of the contract. */
    MethodDispatcher<C> dispatcher();

    /** Computes the JSON Patch between two states. */
    StateDiffer<S> differ();

    /** An implementation of the events interface that emits into {@code sink} to {@code target}. */
    E emitter(EventSink sink, EventTarget target);

    /** The RPC methods, in declaration order. */
    List<MethodDescriptor> methods();

    /** Who may call and subscribe, from the contract's security annotations. */
    default AccessRules accessRules() {
        return AccessRules.NONE;
    }

    /**
     * The contract's per-subscriber views, or {@code null} when every subscriber sees the whole
     * state. Views have the state's type and are diffed with {@link #differ()}.
     */
    default StateViews<S, ?> views() {
        return null;
    }
}
