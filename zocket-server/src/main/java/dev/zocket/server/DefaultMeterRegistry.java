package dev.zocket.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Predicate;

/**
 * The registry a server records into when the application gives none: Prometheus when
 * {@code micrometer-registry-prometheus} is on the class path, otherwise an in-memory one.
 * Prometheus is an optional dependency, so its classes are touched only inside
 * {@link Prometheus}, which is loaded only after the check.
 */
final class DefaultMeterRegistry {

    static final String PROMETHEUS_REGISTRY = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

    private DefaultMeterRegistry() {}

    static MeterRegistry create(ClassLoader loader) {
        return create(className -> isLoadable(className, loader));
    }

    /** With {@code classPresent} deciding whether a class is available; tests pass their own. */
    static MeterRegistry create(Predicate<String> classPresent) {
        return classPresent.test(PROMETHEUS_REGISTRY) ? Prometheus.registry() : new SimpleMeterRegistry();
    }

    private static boolean isLoadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader != null ? loader : DefaultMeterRegistry.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class Prometheus {
        static MeterRegistry registry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }
}
