package dev.zocket.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void readsTheEnvironment() {
        PostgresSettings settings = PostgresSettings.fromEnvironment(Map.of(
                "ZOCKET_POSTGRES_URL", "jdbc:postgresql://db:5432/zocket",
                "ZOCKET_POSTGRES_USER", "app",
                "ZOCKET_POSTGRES_PASSWORD", "s3cret"));

        assertEquals(new PostgresSettings("jdbc:postgresql://db:5432/zocket", "app", "s3cret"), settings);
    }

    @Test
    void thePasswordIsOptional() {
        PostgresSettings settings = PostgresSettings.fromEnvironment(Map.of(
                "ZOCKET_POSTGRES_URL", "jdbc:postgresql://db/zocket", "ZOCKET_POSTGRES_USER", "app"));

        assertNull(settings.password());
    }

    @Test
    void aMissingVariableIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PostgresSettings.fromEnvironment(Map.of("ZOCKET_POSTGRES_URL", "jdbc:postgresql://db/zocket")));

        assertTrue(missing.getMessage().contains("ZOCKET_POSTGRES_USER"), missing.getMessage());
    }

    @Test
    void refusesAnotherDatabasesUrl() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresSettings("jdbc:sqlite:zocket.db", "app", null));
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(new PostgresSettings("jdbc:postgresql://db/zocket", "app", "s3cret").toString().contains("s3cret"));
    }
}
