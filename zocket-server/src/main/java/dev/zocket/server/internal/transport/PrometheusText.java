package dev.zocket.server.internal.transport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * The Prometheus text exposition of a registry, when it is (or contains) a Prometheus registry.
 * {@code micrometer-registry-prometheus} is optional: without it on the class path no registry
 * can be one, and its classes are never loaded.
 */
final class PrometheusText {

    private static final boolean AVAILABLE = isAvailable();

    private PrometheusText() {}

    static Optional<String> scrape(MeterRegistry registry) {
        return AVAILABLE ? Prometheus.scrape(registry) : Optional.empty();
    }

    private static boolean isAvailable() {
        try {
            Class.forName("io.micrometer.prometheusmetrics.PrometheusMeterRegistry", false,
                    PrometheusText.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class Prometheus {
        static Optional<String> scrape(MeterRegistry registry) {
            if (registry instanceof PrometheusMeterRegistry prometheus) {
                return Optional.of(prometheus.scrape());
            }
            if (registry instanceof CompositeMeterRegistry composite) {
                for (MeterRegistry member : composite.getRegistries()) {
                    Optional<String> text = scrape(member);
                    if (text.isPresent()) {
                        return text;
                    }
                }
            }
            return Optional.empty();
        }
    }
}
