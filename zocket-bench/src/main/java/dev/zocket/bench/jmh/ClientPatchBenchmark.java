package dev.zocket.bench.jmh;

import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoomStateApplier;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.JsonType;
import dev.zocket.json.PatchOperation;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * What a client does with a patch that appends one stroke. Without a generated applier (as
 * before appliers existed, and still for patches an applier does not follow): apply it to the
 * JSON copy of the state and decode the typed state for its listeners. With one: apply it to the
 * typed state directly, decoding only the new stroke.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClientPatchBenchmark {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final JsonType<DrawingRoom.State> STATE = JsonType.of(DrawingRoom.State.class);

    @Param({"10", "1000", "10000"})
    public int strokes;

    private JsonNode tree;
    private JsonPatch patch;
    private DrawingRoom.State state;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        tree = JSON.parse(JSON.toJson(Strokes.state(strokes, random)));
        JsonNode stroke = JSON.parse(JSON.toJson(Strokes.stroke(random)));
        patch = JsonPatch.of(List.of(PatchOperation.add("/strokes/-", stroke)));
        state = JSON.decode(tree, STATE);
    }

    /** Applying the patch: copies only the containers on its path. */
    @Benchmark
    public JsonNode apply() {
        return patch.apply(tree);
    }

    /** Applying it and decoding the typed state, as the client does for state listeners. */
    @Benchmark
    public DrawingRoom.State applyAndDecode() {
        return JSON.decode(patch.apply(tree), STATE);
    }

    /** Applying it to the typed state with the generated applier, as the client now does. */
    @Benchmark
    public DrawingRoom.State applyTyped() {
        return DrawingRoomStateApplier.INSTANCE.apply(state, patch.operations(), JSON);
    }
}
