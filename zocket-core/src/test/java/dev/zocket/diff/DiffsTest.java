package dev.zocket.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.PatchOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DiffsTest {

    private static final JsonCodec JSON = JsonCodec.standard();

    private static String listDiff(List<String> before, List<String> after) {
        PatchBuilder patch = new PatchBuilder();
        Diffs.list("/l", before, after, Diffs::leaf, patch);
        return text(patch.operations());
    }

    private static String text(List<PatchOperation> operations) {
        return JSON.toJson(JsonPatch.of(operations).toJson());
    }

    private static List<String> list(String... elements) {
        return Arrays.asList(elements);
    }

    @Test
    void sameReferenceAndEqualListsGiveNothing() {
        List<String> list = list("a", "b");
        assertEquals("[]", listDiff(list, list));
        assertEquals("[]", listDiff(list, new ArrayList<>(list)));
    }

    @Test
    void appendsAreAddsAtTheEnd() {
        assertEquals("[{\"op\":\"add\",\"path\":\"/l/-\",\"value\":\"c\"}]", listDiff(list("a", "b"), list("a", "b", "c")));
        assertEquals("[{\"op\":\"add\",\"path\":\"/l/-\",\"value\":\"a\"},{\"op\":\"add\",\"path\":\"/l/-\",\"value\":\"b\"}]",
                listDiff(list(), list("a", "b")));
    }

    @Test
    void aSingleRemovalIsOneRemoveWhereverItIs() {
        assertEquals("[{\"op\":\"remove\",\"path\":\"/l/0\"}]", listDiff(list("a", "b", "c"), list("b", "c")));
        assertEquals("[{\"op\":\"remove\",\"path\":\"/l/1\"}]", listDiff(list("a", "b", "c"), list("a", "c")));
        assertEquals("[{\"op\":\"remove\",\"path\":\"/l/2\"}]", listDiff(list("a", "b", "c"), list("a", "b")));
    }

    @Test
    void removingARunRemovesAtTheSameIndex() {
        assertEquals("[{\"op\":\"remove\",\"path\":\"/l/1\"},{\"op\":\"remove\",\"path\":\"/l/1\"}]",
                listDiff(list("a", "b", "c", "d", "e"), list("a", "d", "e")));
    }

    @Test
    void clearingIsOneReplace() {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/l\",\"value\":[]}]", listDiff(list("a", "b", "c"), list()));
    }

    @Test
    void insertingBeforeExistingElementsReplacesTheList() {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/l\",\"value\":[\"x\",\"a\",\"b\"]}]",
                listDiff(list("a", "b"), list("x", "a", "b")));
    }

    @Test
    void changedElementsAreDiffedInPlace() {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/l/1\",\"value\":\"x\"}]", listDiff(list("a", "b", "c"), list("a", "x", "c")));
    }

    @Test
    void elementsRecurseIntoTheirOwnDiffer() {
        List<String> visited = new ArrayList<>();
        PatchBuilder patch = new PatchBuilder();
        Diffs.list("/l", list("a", "b"), list("a", "c"), (path, before, after, out) -> visited.add(path + " " + before + "->" + after), patch);
        assertEquals(List.of("/l/1 b->c"), visited);
    }

    @Test
    void nullListsAreReplaced() {
        assertEquals("[{\"op\":\"replace\",\"path\":\"/l\",\"value\":[\"a\"]}]", listDiff(null, list("a")));
        assertEquals("[{\"op\":\"replace\",\"path\":\"/l\",\"value\":null}]", listDiff(list("a"), null));
    }

    @Test
    void mapsRemoveAddAndRecurseWithEscapedKeys() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("keep", "1");
        before.put("gone", "2");
        before.put("a/b", "3");
        Map<String, String> after = new LinkedHashMap<>();
        after.put("keep", "1");
        after.put("a/b", "4");
        after.put("m~n", "5");
        PatchBuilder patch = new PatchBuilder();

        Diffs.map("/m", before, after, Diffs::leaf, patch);

        assertEquals("[{\"op\":\"remove\",\"path\":\"/m/gone\"},{\"op\":\"replace\",\"path\":\"/m/a~1b\",\"value\":\"4\"},"
                + "{\"op\":\"add\",\"path\":\"/m/m~0n\",\"value\":\"5\"}]", text(patch.operations()));
    }

    @Test
    void optionalsReplaceWhenPresenceChangesAndRecurseOtherwise() {
        PatchBuilder patch = new PatchBuilder();
        Diffs.optional("/o", Optional.empty(), Optional.of("x"), Diffs::leaf, patch);
        Diffs.optional("/p", Optional.of("x"), Optional.empty(), Diffs::leaf, patch);
        Diffs.optional("/q", Optional.of("x"), Optional.of("y"), Diffs::leaf, patch);
        Diffs.optional("/r", Optional.empty(), Optional.empty(), Diffs::leaf, patch);
        assertEquals("[{\"op\":\"replace\",\"path\":\"/o\",\"value\":\"x\"},{\"op\":\"replace\",\"path\":\"/p\",\"value\":null},"
                + "{\"op\":\"replace\",\"path\":\"/q\",\"value\":\"y\"}]", text(patch.operations()));
    }

    @Test
    void leavesCompareArraysByContent() {
        PatchBuilder patch = new PatchBuilder();
        Diffs.leaf("/a", new double[] {1, 2}, new double[] {1, 2}, patch);
        Diffs.leaf("/b", new double[] {1, 2}, new double[] {1, 3}, patch);
        assertEquals("[{\"op\":\"replace\",\"path\":\"/b\",\"value\":[1.0,3.0]}]", text(patch.operations()));
    }

    enum Color { RED, GREEN }

    @Test
    void mapKeysAreNamedByTheGivenFunctionAndEscaped() {
        Map<Color, Integer> before = new LinkedHashMap<>(Map.of(Color.RED, 1));
        Map<Color, Integer> after = new LinkedHashMap<>();
        after.put(Color.GREEN, 2);
        PatchBuilder patch = new PatchBuilder();

        Diffs.map("/m", before, after, color -> color == Color.GREEN ? "gr/een" : color.toString(), Diffs::leaf, patch);

        assertEquals("[{\"op\":\"remove\",\"path\":\"/m/RED\"},{\"op\":\"add\",\"path\":\"/m/gr~1een\",\"value\":2}]",
                text(patch.operations()));
    }

    @Test
    void setsAreDiffedInIterationOrderWithAppendsAtTheEnd() {
        PatchBuilder patch = new PatchBuilder();
        Diffs.set("/s", new TreeSet<>(Set.of(1, 2)), new TreeSet<>(Set.of(1, 2, 3)), patch);
        Diffs.set("/t", new TreeSet<>(Set.of(1, 2)), new TreeSet<>(Set.of(0, 1, 2)), patch);
        Diffs.set("/u", new LinkedHashSet<>(List.of("b", "a")), new LinkedHashSet<>(List.of("a")), patch);

        assertEquals("[{\"op\":\"add\",\"path\":\"/s/-\",\"value\":3},"
                + "{\"op\":\"replace\",\"path\":\"/t\",\"value\":[0,1,2]},"
                + "{\"op\":\"remove\",\"path\":\"/u/0\"}]", text(patch.operations()));
    }
}
