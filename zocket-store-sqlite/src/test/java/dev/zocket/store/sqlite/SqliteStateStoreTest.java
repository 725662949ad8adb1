package dev.zocket.store.sqlite;

import dev.zocket.server.persistence.StateStore;
import dev.zocket.store.tck.StateStoreContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store keeps the contract, durability across reopening included. */
class SqliteStateStoreTest extends StateStoreContract {

    @TempDir
    Path directory;

    @Override
    protected StateStore createEmptyStore() {
        return SqliteStateStore.open(directory.resolve("data").resolve("zocket.db"));
    }

    @Override
    protected Optional<StateStore> reopen() {
        return Optional.of(SqliteStateStore.open(directory.resolve("data").resolve("zocket.db")));
    }
}
