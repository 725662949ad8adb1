package dev.zocket.server.internal.runtime;

import dev.zocket.server.ActorFactory;
import dev.zocket.server.Middleware;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.MethodDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered actor: its generated binding, the factory for implementations, the middleware
 * that runs before its methods, and whether its handlers may block.
 */
public final class ActorType<C, S extends Record, E> {

    private final ActorBinding<C, S, E> binding;
    private final ActorFactory<C, S, E> factory;
    private final List<Middleware> middleware;
    private final Set<String> methods = new HashSet<>();
    private final boolean mayBlock;

    public ActorType(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory, List<Middleware> middleware) {
        this(binding, factory, middleware, false);
    }

    /** @param mayBlock whether its handlers may block, so that its messages never run on an I/O loop */
    public ActorType(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory, List<Middleware> middleware,
            boolean mayBlock) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.middleware = List.copyOf(middleware);
        this.mayBlock = mayBlock;
        for (MethodDescriptor method : binding.methods()) {
            methods.add(method.name());
        }
    }

    public ActorBinding<C, S, E> binding() {
        return binding;
    }

    ActorFactory<C, S, E> factory() {
        return factory;
    }

    List<Middleware> middleware() {
        return middleware;
    }

    /** Whether its handlers may block: its messages then run on the pool, never on an I/O loop. */
    boolean mayBlock() {
        return mayBlock;
    }

    /** Whether the contract declares this RPC method; decided without an instance. */
    public boolean hasMethod(String name) {
        return methods.contains(name);
    }
}
