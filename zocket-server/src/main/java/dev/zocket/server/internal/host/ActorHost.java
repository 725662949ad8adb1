package dev.zocket.server.internal.host;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.runtime.ActorRegistry;
import dev.zocket.server.internal.runtime.Codecs;
import dev.zocket.server.internal.runtime.Durability;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.session.ProtocolHandler;
import dev.zocket.spi.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The server side without a network: the actor registry and the protocol handler, with the
 * validator, codecs and metrics they share. A transport hands it connections and frames.
 */
public final class ActorHost implements AutoCloseable {

    private final ServerMetrics metrics;
    private final ActorRegistry registry;
    private final ProtocolHandler protocol;
    private final Durability durability;

    public ActorHost(ActorCatalog catalog, ServerLimits limits, JsonCodec json, MeterRegistry meters, TimeSource time,
            Executor executor) {
        this(catalog, limits, json, meters, time, executor, null);
    }

    /**
     * @param durability the store instances write through, or {@code null} to keep them in memory;
     *     closed with this host
     */
    public ActorHost(ActorCatalog catalog, ServerLimits limits, JsonCodec json, MeterRegistry meters, TimeSource time,
            Executor executor, Durability durability) {
        if (catalog.isEmpty()) {
            throw new IllegalStateException("No actors registered: call actor(Contract.class, Implementation::new)");
        }
        Codecs codecs = new Codecs(json, SharedValidation.VALIDATOR);
        this.metrics = new ServerMetrics(meters);
        this.registry = new ActorRegistry(catalog.types(), codecs, metrics, time, executor, limits, durability);
        this.durability = durability;
        this.protocol = new ProtocolHandler(registry, codecs, limits, time);
    }

    public ActorRegistry registry() {
        return registry;
    }

    public ProtocolHandler protocol() {
        return protocol;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /** Lets queued work finish and deactivates every instance. */
    public void shutdown(Duration timeout) {
        registry.shutdown(timeout);
    }

    @Override
    public void close() {
        // The validator is shared and threads belong to the caller; the store is the host's.
        if (durability != null) {
            durability.close();
        }
    }

    /**
     * One validator for the JVM. Bootstrapping Hibernate Validator and learning each record's
     * constraints is the expensive part; validators are thread-safe, so every host shares one.
     */
    private static final class SharedValidation {
        static final Validator VALIDATOR;

        static {
            ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                    .configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
            VALIDATOR = factory.getValidator();
        }
    }
}
