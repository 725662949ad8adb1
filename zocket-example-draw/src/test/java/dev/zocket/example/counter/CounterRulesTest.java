package dev.zocket.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.example.counter.Counter.Action;
import dev.zocket.example.counter.Counter.Changed;
import dev.zocket.example.counter.Counter.Presence;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CounterRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    private final ZocketTestKit kit = ZocketTestKit.builder()
            .actor(CounterBinding.INSTANCE, context -> new CounterActor(context, CLOCK))
            .build();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void everyChangeReturnsTheCountRecordsWhoAndWhenAndIsAnnounced() {
        TestClient alice = kit.newClient();
        CounterHandle counter = CounterHandle.of(alice, "c");
        counter.onChanged(changed -> {});

        assertEquals(1.0, counter.increment().join());
        assertEquals(2.0, counter.increment().join());
        assertEquals(1.0, counter.decrement().join());
        assertEquals(42.0, counter.set(new Counter.SetValue(42)).join());
        assertEquals(0.0, counter.reset().join());

        assertEquals(new Counter.State(0, 1, alice.clientId().orElseThrow(), CLOCK.millis()), kit.state(CounterBinding.INSTANCE, "c").orElseThrow());
        assertEquals(List.of(
                new Changed(1, 1, Action.INCREMENT, alice.clientId().orElseThrow()),
                new Changed(2, 1, Action.INCREMENT, alice.clientId().orElseThrow()),
                new Changed(1, -1, Action.DECREMENT, alice.clientId().orElseThrow()),
                new Changed(42, 0, Action.SET, alice.clientId().orElseThrow()),
                new Changed(0, 0, Action.RESET, alice.clientId().orElseThrow())), alice.events("changed", Changed.class));
    }

    @Test
    void viewersAreCountedAsClientsComeAndGo() {
        TestClient watcher = kit.newClient();
        CounterHandle counter = CounterHandle.of(watcher, "c");
        counter.onPresence(presence -> {});
        TestClient visitor = kit.newClient();
        CounterHandle.of(visitor, "c").increment().join();
        assertEquals(2, kit.state(CounterBinding.INSTANCE, "c").orElseThrow().viewers());

        visitor.disconnect();

        assertEquals(1, kit.state(CounterBinding.INSTANCE, "c").orElseThrow().viewers());
        assertEquals(List.of(new Presence(1), new Presence(2), new Presence(1)), watcher.events("presence", Presence.class),
                "the watcher hears its own arrival too: it subscribed to events before onConnect ran");
    }

    @Test
    void theWireNamesMatchTheOriginalCounter() {
        TestClient alice = kit.newClient();
        CounterHandle counter = CounterHandle.of(alice, "c");
        counter.state().subscribe(state -> {});
        counter.onChanged(changed -> {});
        counter.decrement().join();
        assertEquals("{\"count\":0.0,\"viewers\":1,\"lastUpdatedBy\":null,\"updatedAt\":null}",
                alice.snapshots().get(0).state().toString());
        assertEquals("{\"count\":-1.0,\"delta\":-1.0,\"action\":\"decrement\",\"changedBy\":\"" + alice.clientId().orElseThrow() + "\"}",
                alice.received().stream().filter(m -> m instanceof dev.zocket.protocol.EventMessage e
                        && e.event().equals("changed")).map(m -> ((dev.zocket.protocol.EventMessage) m).payload().toString())
                        .findFirst().orElseThrow());
    }
}
