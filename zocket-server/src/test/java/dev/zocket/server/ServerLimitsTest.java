package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.ServerLimits.Limit;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each limit is declared once, and everything else about it follows from that declaration. */
class ServerLimitsTest {

    /** The primitive a limit's accessor and setters use. */
    private static Class<?> primitive(Limit<?> limit) {
        if (limit.type() == Integer.class) {
            return int.class;
        }
        return limit.type() == Long.class ? long.class : limit.type();
    }

    /** A valid value other than the default. */
    @SuppressWarnings("unchecked")
    private static <T> T another(Limit<T> limit) {
        T value = limit.defaultValue();
        if (value instanceof Integer number) {
            return (T) Integer.valueOf(number + 1);
        }
        if (value instanceof Long number) {
            return (T) Long.valueOf(number + 1);
        }
        return (T) ((Duration) value).plusSeconds(1);
    }

    private static String environmentText(Object value) {
        return value instanceof Duration duration ? Long.toString(duration.toSeconds()) : value.toString();
    }

    @Test
    void everyLimitHasAnAccessorAndASetterOnBothBuilders() throws Exception {
        for (Limit<?> limit : ServerLimits.all()) {
            Class<?> type = primitive(limit);
            Method accessor = ServerLimits.class.getMethod(limit.name());
            assertEquals(type, accessor.getReturnType(), limit.name());
            assertEquals(limit.defaultValue(), accessor.invoke(ServerLimits.DEFAULTS), limit.name());

            ServerLimits.Builder limitsBuilder = ServerLimits.builder();
            ServerLimits.Builder.class.getMethod(limit.name(), type).invoke(limitsBuilder, another(limit));
            assertEquals(another(limit), limitsBuilder.build().get(limit), limit.name());

            ZocketServer.Builder serverBuilder = ZocketServer.builder();
            ZocketBuilder.class.getMethod(limit.name(), type).invoke(serverBuilder, another(limit));
            assertEquals(another(limit), serverBuilder.settings(Map.of()).limits().get(limit), limit.name());
        }
    }

    @Test
    void everyLimitReadsItsOwnEnvironmentVariable() {
        Set<String> variables = new HashSet<>();
        for (Limit<?> limit : ServerLimits.all()) {
            ServerLimits fromEnvironment = ServerLimits.DEFAULTS.withEnvironment(
                    Map.of(limit.environmentVariable(), environmentText(another(limit))));
            assertEquals(another(limit), fromEnvironment.get(limit), limit.environmentVariable());
            assertEquals(ServerLimits.all().size() - 1, countEqual(fromEnvironment, ServerLimits.DEFAULTS),
                    limit.environmentVariable() + " changes only " + limit.name());
            assertEquals(true, variables.add(limit.environmentVariable()), "one variable per limit");
            assertEquals(true, limit.environmentVariable().startsWith("ZOCKET_"), limit.environmentVariable());
        }
    }

    private static int countEqual(ServerLimits a, ServerLimits b) {
        int equal = 0;
        for (Limit<?> limit : ServerLimits.all()) {
            if (a.get(limit).equals(b.get(limit))) {
                equal++;
            }
        }
        return equal;
    }

    @Test
    void invalidValuesAreRefusedNamingTheLimit() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ServerLimits.builder().maxFrameBytes(0));
        assertEquals("maxFrameBytes must be positive, got 0", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ZocketServer.builder().idleTimeout(Duration.ofSeconds(-1)));
        assertEquals("idleTimeout must be positive, got PT-1S", negative.getMessage());
        assertThrows(NullPointerException.class, () -> ServerLimits.builder().heartbeatInterval(null));
    }

    @Test
    void aBuilderChangesOnlyWhatItSets() {
        ServerLimits base = ServerLimits.builder().maxMailboxDepth(7).build();
        ServerLimits changed = base.toBuilder().maxSubscriptions(3).build();
        assertEquals(7, changed.maxMailboxDepth());
        assertEquals(3, changed.maxSubscriptions());
        assertEquals(ServerLimits.DEFAULTS.maxFrameBytes(), changed.maxFrameBytes());
        assertEquals(base, base.toBuilder().build());
        assertNotEquals(base, changed);
    }

    @Test
    void setterBeatsEnvironmentBeatsLimitsBeatsDefaults() {
        ZocketServer.Builder builder = ZocketServer.builder()
                .limits(ServerLimits.builder().maxMailboxDepth(7).maxSubscriptions(8).maxInflightRpcs(9).build())
                .maxMailboxDepth(70);
        ServerLimits resolved = builder.settings(Map.of(
                "ZOCKET_MAX_MAILBOX_DEPTH", "700", "ZOCKET_MAX_SUBSCRIPTIONS", "800")).limits();
        assertEquals(70, resolved.maxMailboxDepth(), "the setter");
        assertEquals(800, resolved.maxSubscriptions(), "the environment");
        assertEquals(9, resolved.maxInflightRpcs(), "limits(...)");
        assertEquals(ServerLimits.DEFAULTS.maxFrameBytes(), resolved.maxFrameBytes(), "the default");
    }

    @Test
    void defaultsAreShownAsTheDocsShowThem() {
        assertEquals(List.of("256 KiB", "64", "8 MiB", "300 s"), List.of(
                ServerLimits.MAX_FRAME_BYTES.defaultText(), ServerLimits.MAX_ACTOR_NAME_LENGTH.defaultText(),
                ServerLimits.MAX_BUFFERED_BYTES.defaultText(), ServerLimits.IDLE_TIMEOUT.defaultText()));
    }
}
