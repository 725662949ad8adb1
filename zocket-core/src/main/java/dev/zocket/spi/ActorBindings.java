package dev.zocket.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the generated {@link ActorBinding} of a contract through {@link ServiceLoader}. */
public final class ActorBindings {

    private static final ClassValue<Lookup> CACHE = new ClassValue<>() {
        @Override
        protected Lookup computeValue(Class<?> contract) {
            List<String> brokenEntries = new ArrayList<>();
            @SuppressWarnings("rawtypes") // ServiceLoader cannot be asked for a parameterized type
            Iterator<ActorBinding> bindings = ServiceLoader.load(ActorBinding.class, contract.getClassLoader()).iterator();
            while (true) {
                ActorBinding<?, ?, ?> binding;
                try {
                    if (!bindings.hasNext()) {
                        break;
                    }
                    binding = bindings.next();
                } catch (ServiceConfigurationError stale) {
                    // A services entry for a class that no longer exists (left by an incremental
                    // build) must not hide the bindings that do.
                    brokenEntries.add(stale.getMessage());
                    continue;
                }
                if (binding.contract() == contract) {
                    return new Lookup(binding, brokenEntries);
                }
            }
            return new Lookup(null, brokenEntries);
        }
    };

    private record Lookup(ActorBinding<?, ?, ?> binding, List<String> brokenEntries) {}

    private ActorBindings() {}

    /**
     * The binding generated for {@code contract}.
     *
     * @throws IllegalArgumentException if there is none, which means the Zocket annotation
     *     processor did not run on the contract's module
     */
    @SuppressWarnings("unchecked")
    public static <C> ActorBinding<C, ?, ?> forContract(Class<C> contract) {
        Lookup lookup = CACHE.get(contract);
        if (lookup.binding() == null) {
            throw new IllegalArgumentException("No generated binding for " + contract.getName()
                    + ". Is it annotated @Actor, and is zocket-processor on the annotation processor path"
                    + " of the module that compiles it? See docs/getting-started.md."
                    + (lookup.brokenEntries().isEmpty() ? "" : " Unreadable entries: " + lookup.brokenEntries()));
        }
        return (ActorBinding<C, ?, ?>) lookup.binding();
    }
}
