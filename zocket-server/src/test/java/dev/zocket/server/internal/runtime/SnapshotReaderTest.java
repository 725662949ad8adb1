package dev.zocket.server.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.fixtures.Counter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored snapshots read into the state record as it is declared now. */
class SnapshotReaderTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final InstanceKey KEY = new InstanceKey("counter", "c-7");

    @Test
    void aComponentTheRecordGainedTakesItsInitialValue() {
        Counter.State state = SnapshotReader.read(JSON, new Counter.State(), "{\"count\":7}", KEY);

        assertEquals(new Counter.State(7, List.of()), state);
    }

    @Test
    void aComponentTheRecordLostIsIgnored() {
        Counter.State state = SnapshotReader.read(JSON, new Counter.State(),
                "{\"count\":7,\"online\":[\"a\"],\"colour\":\"red\"}", KEY);

        assertEquals(new Counter.State(7, List.of("a")), state);
    }

    @Test
    void anIncompatibleComponentIsNamedWithTheActorAndId() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SnapshotReader.read(JSON, new Counter.State(), "{\"count\":\"seven\",\"online\":[]}", KEY));

        assertTrue(failure.getMessage().contains("counter/c-7"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'count'"), failure.getMessage());
    }

    @Test
    void aSnapshotThatIsNoObjectIsRefused() {
        assertThrows(IllegalStateException.class, () -> SnapshotReader.read(JSON, new Counter.State(), "[1]", KEY));
        assertThrows(IllegalStateException.class, () -> SnapshotReader.read(JSON, new Counter.State(), "{", KEY));
    }
}
