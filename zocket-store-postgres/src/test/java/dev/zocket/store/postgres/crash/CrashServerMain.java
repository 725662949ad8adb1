package dev.zocket.store.postgres.crash;

import dev.zocket.example.counter.CounterActor;
import dev.zocket.example.counter.CounterBinding;
import dev.zocket.server.ZocketServer;
import dev.zocket.store.postgres.PostgresSettings;
import dev.zocket.store.postgres.PostgresStateStore;

/**
 * The server {@link PostgresKillIT} kills: the example's counter, durable in the PostgreSQL
 * database named by its arguments ({@code <jdbc url> <user>}), on a free port of 127.0.0.1. Prints
 * {@code url <ws url>} once it serves, then runs until killed.
 */
public final class CrashServerMain {

    private CrashServerMain() {
    }

    public static void main(String[] args) throws Exception {
        PostgresStateStore store = PostgresStateStore.open(new PostgresSettings(args[0], args[1], null));
        ZocketServer server = ZocketServer.builder()
                .actor(CounterBinding.INSTANCE, CounterActor::new)
                .host("127.0.0.1")
                .port(0)
                .store(store)
                .start();
        System.out.println("url " + server.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
