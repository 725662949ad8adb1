package dev.zocket.bench.jmh;

import dev.zocket.diff.Diffs;
import dev.zocket.diff.PatchBuilder;
import dev.zocket.state.ImmutableLists;
import dev.zocket.state.ImmutableMaps;
import java.util.List;
import java.util.Map;
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
 * One update through {@link ImmutableLists} and {@link ImmutableMaps} on a collection of
 * {@link #size} elements that the helpers built (as a state's collections are built, one
 * update at a time), and the generated differ's list diff of an append.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ImmutableCollectionsBenchmark {

    @Param({"10", "1000", "10000"})
    public int size;

    private List<Object> list;
    private List<Object> appended;
    private Map<String, Object> map;
    private final Object element = "new";
    private String middleKey;

    @Setup
    public void setUp() {
        list = List.of();
        map = Map.of();
        for (int i = 0; i < size; i++) {
            list = ImmutableLists.append(list, "element" + i);
            map = ImmutableMaps.put(map, "key" + i, "value" + i);
        }
        appended = ImmutableLists.append(list, element);
        middleKey = "key" + size / 2;
    }

    @Benchmark
    public List<Object> listAppend() {
        return ImmutableLists.append(list, element);
    }

    @Benchmark
    public List<Object> listSetMiddle() {
        return ImmutableLists.set(list, size / 2, element);
    }

    @Benchmark
    public List<Object> listRemoveMiddle() {
        return ImmutableLists.removeAt(list, size / 2);
    }

    /** What the differ spends finding the appended element: one {@code add}. */
    @Benchmark
    public PatchBuilder diffAppend() {
        PatchBuilder patch = new PatchBuilder();
        Diffs.list("/l", list, appended, Diffs.leaf(), patch);
        return patch;
    }

    @Benchmark
    public Map<String, Object> mapPutNew() {
        return ImmutableMaps.put(map, "new", element);
    }

    @Benchmark
    public Map<String, Object> mapReplaceMiddle() {
        return ImmutableMaps.put(map, middleKey, element);
    }

    @Benchmark
    public Map<String, Object> mapRemoveMiddle() {
        return ImmutableMaps.remove(map, middleKey);
    }
}
