package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.counter.CounterHandle;
import dev.zocket.example.counter.Counter.SetValue;
import dev.zocket.server.ZocketServer;
import dev.zocket.store.sqlite.SqliteStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example server on its SQLite store keeps counters and rooms when it is stopped and started again. */
@Timeout(60)
class RestartKeepsStateTest {

    @TempDir
    Path data;

    @Test
    void countersAndRoomsSurviveARestart() throws Exception {
        try (ZocketServer server = start();
                ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "kept");
            assertEquals(41.5, counter.set(new SetValue(41.5)).get(10, TimeUnit.SECONDS));
            DrawingRoomHandle room = DrawingRoomHandle.of(client, "room-7");
            room.join(new DrawingRoom.Join("ada")).get(10, TimeUnit.SECONDS);
        }

        try (ZocketServer server = start();
                ZocketClient client = ZocketClient.connect(server.url())) {
            assertEquals(42.5, CounterHandle.of(client, "kept").increment().get(10, TimeUnit.SECONDS));
        }

        try (SqliteStateStore store = SqliteStateStore.open(data.resolve("zocket.db"))) {
            assertEquals(List.of("room-7"), store.instances("draw", null, 10));
        }
    }

    private ZocketServer start() throws Exception {
        return DrawServer.start(0, 0, "127.0.0.1", Duration.ofSeconds(80), SqliteStateStore.open(data.resolve("zocket.db")));
    }
}
