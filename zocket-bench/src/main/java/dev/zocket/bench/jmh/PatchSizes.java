package dev.zocket.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonDiff;
import dev.zocket.diff.PatchBuilder;
import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoomBinding;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.state.ImmutableLists;
import java.util.OptionalLong;
import java.util.Random;

/** Prints the bytes each way of telling subscribers about one appended stroke sends. */
public final class PatchSizes {

    private PatchSizes() {}

    public static void main(String[] args) {
        ObjectMapper jackson2 = new ObjectMapper();
        System.out.println("| strokes | generated patch message | zjsonpatch patch | full snapshot message |");
        System.out.println("|---:|---:|---:|---:|");
        for (int count : new int[] {10, 1_000, 10_000}) {
            Random random = new Random(42);
            DrawingRoom.State before = Strokes.state(count, random);
            DrawingRoom.State after = before.withStrokes(ImmutableLists.append(before.strokes(), Strokes.stroke(random)));
            PatchBuilder patch = new PatchBuilder();
            DrawingRoomBinding.INSTANCE.differ().diff(before, after, patch);
            int generated = ProtocolCodec.standard().encode(
                    new StatePatch("draw", "room", patch.operations(), OptionalLong.of(1))).length;
            int generic = jackson2.valueToTree(JsonDiff.asJson(jackson2.valueToTree(before), jackson2.valueToTree(after)))
                    .toString().length();
            int snapshot = ProtocolCodec.standard().encode(
                    new StateSnapshot("draw", "room", JsonCodec.standard().lazy(after), OptionalLong.of(1))).length;
            System.out.printf("| %,d | %,d B | %,d B | %,d B |%n", count, generated, generic, snapshot);
            if (JsonPatch.of(patch.operations()).operations().size() != 1) {
                throw new AssertionError("expected one operation");
            }
        }
    }
}
