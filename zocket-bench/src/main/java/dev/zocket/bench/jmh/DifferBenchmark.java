package dev.zocket.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonDiff;
import dev.zocket.diff.PatchBuilder;
import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoomBinding;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.spi.StateDiffer;
import dev.zocket.state.ImmutableLists;
import java.util.OptionalLong;
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

/**
 * One stroke appended to a drawing of {@code strokes} strokes: what it costs to tell
 * subscribers, with the generated differ, with a generic JSON diff (zjsonpatch), or by sending
 * the whole state. {@link PatchSizes} prints the bytes each approach sends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DifferBenchmark {

    private static final StateDiffer<DrawingRoom.State> DIFFER = DrawingRoomBinding.INSTANCE.differ();
    private static final ProtocolCodec PROTOCOL = ProtocolCodec.standard();
    private static final ObjectMapper JACKSON2 = new ObjectMapper();

    @Param({"10", "1000", "10000"})
    public int strokes;

    private DrawingRoom.State before;
    private DrawingRoom.State after;
    private com.fasterxml.jackson.databind.JsonNode beforeTree;
    private com.fasterxml.jackson.databind.JsonNode afterTree;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        before = Strokes.state(strokes, random);
        after = before.withStrokes(ImmutableLists.append(before.strokes(), Strokes.stroke(random)));
        beforeTree = JACKSON2.valueToTree(before);
        afterTree = JACKSON2.valueToTree(after);
    }

    /** The generated differ: compares the records, skipping shared references. */
    @Benchmark
    public PatchBuilder generatedDiff() {
        PatchBuilder patch = new PatchBuilder();
        DIFFER.diff(before, after, patch);
        return patch;
    }

    /** The generated differ plus encoding the {@code state:patch} message: what the server does. */
    @Benchmark
    public byte[] generatedDiffAndEncode() {
        PatchBuilder patch = new PatchBuilder();
        DIFFER.diff(before, after, patch);
        return PROTOCOL.encode(new StatePatch("draw", "room", patch.operations(), OptionalLong.of(1)));
    }

    /** zjsonpatch on two JSON trees that already exist. */
    @Benchmark
    public com.fasterxml.jackson.databind.JsonNode genericDiffOfTrees() {
        return JsonDiff.asJson(beforeTree, afterTree);
    }

    /** zjsonpatch the way a server would use it: the previous tree kept, the new state turned into a tree. */
    @Benchmark
    public com.fasterxml.jackson.databind.JsonNode genericDiffWithSerialization() {
        return JsonDiff.asJson(beforeTree, JACKSON2.valueToTree(after));
    }

    /** No diff at all: send every subscriber the whole state. */
    @Benchmark
    public byte[] fullSnapshot() {
        return PROTOCOL.encode(new StateSnapshot("draw", "room", JsonCodec.standard().lazy(after), OptionalLong.of(1)));
    }
}
