package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigurationTest {

    @Test
    void environmentVariablesOverrideDefaults() {
        ServerLimits limits = ServerLimits.DEFAULTS.withEnvironment(Map.of(
                "ZOCKET_MAX_FRAME_BYTES", "1024",
                "ZOCKET_MAX_INFLIGHT_RPCS", " 7 ",
                "ZOCKET_MAX_BUFFERED_BYTES", "3000000000",
                "ZOCKET_IDLE_TIMEOUT_SECONDS", "30"));
        assertEquals(1024, limits.maxFrameBytes());
        assertEquals(7, limits.maxInflightRpcs());
        assertEquals(3_000_000_000L, limits.maxBufferedBytes());
        assertEquals(Duration.ofSeconds(30), limits.idleTimeout());
        assertEquals(ServerLimits.DEFAULTS.maxSubscriptions(), limits.maxSubscriptions());
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> ServerLimits.DEFAULTS.withEnvironment(Map.of("ZOCKET_MAX_SUBSCRIPTIONS", "lots")));
        assertEquals("ZOCKET_MAX_SUBSCRIPTIONS must be a positive integer, got 'lots'", failure.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ServerLimits.DEFAULTS.withEnvironment(Map.of("ZOCKET_MAX_FRAME_BYTES", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> ServerLimits.DEFAULTS.withEnvironment(Map.of("ZOCKET_MAX_FRAME_BYTES", "99999999999")));
    }

    @Test
    void builderSettingsWinOverEnvironmentWhichWinsOverDefaults() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder())
                .environment(Map.of("ZOCKET_MAX_FRAME_BYTES", "2048", "ZOCKET_MAX_MAILBOX_DEPTH", "9", "PORT", "1"))
                .maxMailboxDepth(5)
                .start()) {
            assertEquals(2048, server.limits().maxFrameBytes());
            assertEquals(5, server.limits().maxMailboxDepth());
            assertEquals(ServerLimits.DEFAULTS.maxSubscriptions(), server.limits().maxSubscriptions());
        }
    }

    @Test
    void thePortComesFromPortWhenNotSet() throws Exception {
        IllegalArgumentException badPort = assertThrows(IllegalArgumentException.class, () -> ZocketServer.builder()
                .environment(Map.of("PORT", "seventy"))
                .actor(dev.zocket.server.fixtures.Notes.class, dev.zocket.server.fixtures.NotesActor::new)
                .start());
        assertEquals("PORT must be a port number from 0 to 65535, got 'seventy'", badPort.getMessage());
    }

    @Test
    void startingWithoutActorsIsAnError() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ZocketServer.builder().start());
        assertEquals("No actors registered: call actor(Contract.class, Implementation::new)", failure.getMessage());
    }
}
