package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A patch whose version does not follow the last one is not applied; the client asks for a snapshot. */
@Timeout(30)
class VersionGapTest {

    private static String snapshot(int count, long version) {
        return "{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"gap\",\"state\":{\"count\":" + count
                + ",\"online\":[]},\"version\":" + version + "}";
    }

    private static String patch(int count, long version) {
        return "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"gap\",\"patches\":[{\"op\":\"replace\","
                + "\"path\":\"/count\",\"value\":" + count + "}],\"version\":" + version + "}";
    }

    @Test
    void aGapInVersionsTriggersAResubscribeInsteadOfApplyingThePatch() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "gap");
            BlockingQueue<Integer> counts = new LinkedBlockingQueue<>();
            counter.state().subscribe(state -> counts.add(state.count()));
            assertEquals("{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"gap\"}", server.next());

            server.send(snapshot(1, 1));
            server.send(patch(2, 2));
            server.send(patch(4, 4)); // version 3 went missing
            assertEquals(1, counts.poll(10, TimeUnit.SECONDS));
            assertEquals(2, counts.poll(10, TimeUnit.SECONDS));
            assertEquals("{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"gap\"}", server.next(),
                    "the client asked for a fresh snapshot");
            server.send(patch(5, 5)); // still in flight from before: ignored until the snapshot
            server.send(snapshot(4, 4));
            server.send(patch(5, 5));
            assertEquals(4, counts.poll(10, TimeUnit.SECONDS), "the out-of-order patches were never applied");
            assertEquals(5, counts.poll(10, TimeUnit.SECONDS));
            assertEquals(new Counter.State(5, List.of()), counter.state().snapshot().orElseThrow());
        }
    }

    @Test
    void patchesFromServersThatSendNoVersionAreApplied() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "gap");
            BlockingQueue<Integer> counts = new LinkedBlockingQueue<>();
            counter.state().subscribe(state -> counts.add(state.count()));
            server.next();
            server.send("{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"gap\",\"state\":{\"count\":1,"
                    + "\"online\":[]}}");
            server.send("{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"gap\",\"patches\":[{\"op\":\"add\","
                    + "\"path\":\"/online/0\",\"value\":\"x\"},{\"op\":\"replace\",\"path\":\"/count\",\"value\":2}]}");
            assertEquals(1, counts.poll(10, TimeUnit.SECONDS));
            assertEquals(2, counts.poll(10, TimeUnit.SECONDS));
            assertEquals(List.of("x"), counter.state().snapshot().orElseThrow().online());
        }
    }
}
