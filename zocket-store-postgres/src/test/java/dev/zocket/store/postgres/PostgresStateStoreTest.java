package dev.zocket.store.postgres;

import dev.zocket.server.persistence.StateStore;
import dev.zocket.store.tck.StateStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract, against a database of its own on a real PostgreSQL server for each test. */
@ExtendWith(PostgresExtension.class)
class PostgresStateStoreTest extends StateStoreContract {

    private final PostgresSettings settings;

    PostgresStateStoreTest(TestDatabase database) {
        this.settings = new PostgresSettings(database.jdbcUrl(), database.user(), null);
    }

    @Override
    protected StateStore createEmptyStore() {
        return PostgresStateStore.open(settings);
    }

    @Override
    protected Optional<StateStore> reopen() {
        return Optional.of(PostgresStateStore.open(settings));
    }
}
