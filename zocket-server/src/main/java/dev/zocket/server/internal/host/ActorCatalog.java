package dev.zocket.server.internal.host;

import dev.zocket.server.ActorFactory;
import dev.zocket.server.Middleware;
import dev.zocket.server.internal.runtime.ActorType;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.ActorBindings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The actors a host serves, with their factories and middleware, as builders collect them. */
public final class ActorCatalog {

    private record Entry<C, S extends Record, E>(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory,
            List<Middleware> middleware) {}

    private final List<Entry<?, ?, ?>> entries = new ArrayList<>();
    private final List<Middleware> globalMiddleware = new ArrayList<>();
    private final Set<String> mayBlock = new LinkedHashSet<>();

    /** Adds the actor declared by {@code contract}; see {@code ZocketServer.Builder.actor}. */
    @SuppressWarnings("unchecked")
    public <C, S extends Record, E> void add(Class<C> contract, ActorFactory<C, S, E> factory, Middleware... middleware) {
        add((ActorBinding<C, S, E>) ActorBindings.forContract(contract), factory, middleware);
    }

    public <C, S extends Record, E> void add(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory,
            Middleware... middleware) {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(factory, "factory");
        for (Entry<?, ?, ?> existing : entries) {
            if (existing.binding().actorName().equals(binding.actorName())) {
                throw new IllegalArgumentException("Actor \"" + binding.actorName() + "\" is registered twice");
            }
        }
        entries.add(new Entry<>(binding, factory, Arrays.asList(middleware)));
    }

    /** Marks the actor declared by {@code contract} as one whose handlers may block; see {@code ZocketBuilder.blocking}. */
    public void blocking(Class<?> contract) {
        mayBlock.add(ActorBindings.forContract(contract).actorName());
    }

    /** Middleware for every actor, running before per-actor middleware. */
    public void middleware(Middleware middleware) {
        globalMiddleware.add(Objects.requireNonNull(middleware, "middleware"));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Checks that every actor marked {@linkplain #blocking blocking} is registered.
     *
     * @throws IllegalStateException naming the first that is not
     */
    public void requireBlockingRegistered() {
        for (String name : mayBlock) {
            if (entries.stream().noneMatch(entry -> entry.binding().actorName().equals(name))) {
                throw new IllegalStateException("Actor \"" + name + "\" is marked blocking but not registered:"
                        + " register it with actor(...)");
            }
        }
    }

    /** The registered actors by name, each with its full middleware chain. */
    public Map<String, ActorType<?, ?, ?>> types() {
        Map<String, ActorType<?, ?, ?>> types = new LinkedHashMap<>();
        for (Entry<?, ?, ?> entry : entries) {
            types.put(entry.binding().actorName(), toType(entry));
        }
        return types;
    }

    private <C, S extends Record, E> ActorType<C, S, E> toType(Entry<C, S, E> entry) {
        List<Middleware> chain = new ArrayList<>(globalMiddleware);
        chain.addAll(entry.middleware());
        return new ActorType<>(entry.binding(), entry.factory(), chain, mayBlock.contains(entry.binding().actorName()));
    }
}
