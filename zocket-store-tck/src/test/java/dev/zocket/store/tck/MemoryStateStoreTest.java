package dev.zocket.store.tck;

import dev.zocket.server.persistence.MemoryStateStore;
import dev.zocket.server.persistence.StateStore;

/** The in-memory store keeps the contract; it is not durable, so reopening is not tested. */
class MemoryStateStoreTest extends StateStoreContract {

    @Override
    protected StateStore createEmptyStore() {
        return new MemoryStateStore();
    }
}
