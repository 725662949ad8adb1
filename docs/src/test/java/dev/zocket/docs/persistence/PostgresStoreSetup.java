package dev.zocket.docs.persistence;

import dev.zocket.store.postgres.PostgresSettings;
import dev.zocket.store.postgres.PostgresStateStore;

/** persistence.md: opening the PostgreSQL store from the environment. */
final class PostgresStoreSetup {

    private PostgresStoreSetup() {
    }

    static PostgresStateStore open() {
        // tag::open[]
        PostgresStateStore store = PostgresStateStore.open(PostgresSettings.fromEnvironment(System.getenv()));
        // end::open[]
        return store;
    }
}
