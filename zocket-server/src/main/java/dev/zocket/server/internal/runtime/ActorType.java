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
 * A registered actor: its generated binding, the factory for implementations, and the
 * middleware that runs before its methods.
 */
public final class ActorType<C, S extends Record, E> {

    private final ActorBinding<C, S, E> binding;
    private final ActorFactory<C, S, E> factory;
    private final List<Middleware> middleware;
    private final Set<String> methods = new HashSet<>();

    public ActorType(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory, List<Middleware> middleware) {
        this.binding = Objects.requireNonNull(binding, "binding");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.middleware = List.copyOf(middleware);
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

    /** Whether the contract declares this RPC method; decided without an instance. */
    public boolean hasMethod(String name) {
        return methods.contains(name);
    }
}
