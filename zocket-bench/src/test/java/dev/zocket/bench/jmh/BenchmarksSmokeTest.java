package dev.zocket.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.internal.runtime.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each benchmark's setup and one operation, checked for the work it claims to measure. */
class BenchmarksSmokeTest {

    private static String text(OutgoingMessage message) {
        return new String(message.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void dispatchAnswersTheCallerWithAResult() {
        DispatchBenchmark benchmark = new DispatchBenchmark();
        benchmark.setUp();
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"r\",\"result\":1.0}", text(benchmark.counterIncrement()));
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"d\"}", text(benchmark.drawStroke()),
                "the stroke was accepted, so the caller is the drawer of a running round");
    }

    @Test
    void aLargeRoundTakesMoreStrokesThanTheExampleAllows() {
        DispatchBenchmark benchmark = new DispatchBenchmark();
        benchmark.strokes = 10_000;
        benchmark.setUp();
        for (int i = 0; i < 1_000; i++) {
            benchmark.keepRoundSize();
            assertEquals("{\"type\":\"rpc:result\",\"id\":\"d\"}", text(benchmark.drawStroke()), "draw " + i);
        }
    }

    @Test
    void everyCollectionUpdateDoesWhatItsNameSays() {
        ImmutableCollectionsBenchmark benchmark = new ImmutableCollectionsBenchmark();
        benchmark.size = 1_000;
        benchmark.setUp();
        assertEquals(1_001, benchmark.listAppend().size());
        assertEquals("new", benchmark.listSetMiddle().get(500));
        assertEquals("element501", benchmark.listRemoveMiddle().get(500));
        assertEquals("/l/-", benchmark.diffAppend().operations().get(0).path());
        assertEquals(1_001, benchmark.mapPutNew().size());
        assertEquals("new", benchmark.mapReplaceMiddle().get("key500"));
        assertEquals(999, benchmark.mapRemoveMiddle().size());
    }

    @Test
    void everyDiffApproachSeesTheAppendedStroke() {
        DifferBenchmark benchmark = new DifferBenchmark();
        benchmark.strokes = 10;
        benchmark.setUp();
        assertEquals(1, benchmark.generatedDiff().operations().size());
        assertTrue(new String(benchmark.generatedDiffAndEncode(), StandardCharsets.UTF_8).contains("\"path\":\"/strokes/-\""));
        assertEquals(1, benchmark.genericDiffOfTrees().size());
        assertEquals(1, benchmark.genericDiffWithSerialization().size());
        assertTrue(benchmark.fullSnapshot().length > benchmark.generatedDiffAndEncode().length);
    }

    @Test
    void clientPatchAddsOneStroke() {
        ClientPatchBenchmark benchmark = new ClientPatchBenchmark();
        benchmark.strokes = 10;
        benchmark.setUp();
        assertEquals(11, benchmark.apply().get("strokes").size());
        assertEquals(11, benchmark.applyAndDecode().strokes().size());
        assertEquals(benchmark.applyAndDecode().strokes(), benchmark.applyTyped().strokes());
    }

    @Test
    void oneTestKitTestPlaysARound() {
        assertEquals(10, TestKitBenchmark.oneTest());
    }

    @Test
    void patchSizesPrintsItsTable() {
        PatchSizes.main(new String[0]);
    }
}
