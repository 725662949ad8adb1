package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Prometheus is optional: used when present, never required. */
@Timeout(60)
class DefaultMeterRegistryTest {

    private static HttpResponse<String> metrics(ZocketServer server) throws Exception {
        return RawClient.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusIsTheDefaultOnlyWhenItIsOnTheClassPath() {
        assertInstanceOf(PrometheusMeterRegistry.class, DefaultMeterRegistry.create(name -> true));
        assertInstanceOf(SimpleMeterRegistry.class, DefaultMeterRegistry.create(name -> false));
        assertInstanceOf(PrometheusMeterRegistry.class,
                DefaultMeterRegistry.create(DefaultMeterRegistryTest.class.getClassLoader()));
    }

    @Test
    void metricsAnswers404WithAHintWhenTheRegistryIsNotPrometheus() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0)
                .meterRegistry(new SimpleMeterRegistry()).start()) {
            HttpResponse<String> response = metrics(server);
            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("micrometer-registry-prometheus"), response.body());
        }
    }

    @Test
    void aPrometheusRegistryInsideACompositeIsServed() throws Exception {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(new SimpleMeterRegistry());
        composite.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).meterRegistry(composite).start()) {
            HttpResponse<String> response = metrics(server);
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("zocket_connections"), response.body());
        }
    }
}
