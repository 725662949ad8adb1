package dev.zocket.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.diff.PatchBuilder;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonEquality;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.PatchOperation;
import dev.zocket.json.JsonType;
import dev.zocket.processor.fixtures.Board;
import dev.zocket.processor.fixtures.Board.State;
import dev.zocket.processor.fixtures.BoardBinding;
import dev.zocket.processor.fixtures.Catalog;
import dev.zocket.processor.fixtures.CatalogBinding;
import dev.zocket.spi.StateDiffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks the generated differ against the JSON it must reproduce: for random pairs of nested
 * states, applying diff(a, b) to the JSON of a must give exactly the JSON of b, under RFC 6902
 * and under the original Zocket client's looser semantics. The JSON is Jackson's text, read back
 * as a client reads it, so every path and value the differ writes is compared with what the
 * snapshot says. {@link Board} covers records, lists, string maps and optionals; {@link Catalog}
 * every other supported type: sealed interfaces, maps keyed by enums, UUIDs and numbers, sorted
 * maps, sets and every scalar, with the Jackson annotations the differ follows.
 */
class DifferPropertyTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final StateDiffer<State> DIFFER = BoardBinding.INSTANCE.differ();
    private static final StateDiffer<Catalog.State> CATALOG_DIFFER = CatalogBinding.INSTANCE.differ();
    private static final int PAIRS = 5_000;
    private static final int CATALOG_PAIRS = 3_000;

    @Test
    void catalogPatchesTurnTheJsonOfBeforeIntoTheJsonOfAfter() {
        long seed = Long.getLong("zocket.seed", System.nanoTime());
        CatalogStates states = new CatalogStates(seed);
        Catalog.State before = states.state();
        for (int pair = 0; pair < CATALOG_PAIRS; pair++) {
            Catalog.State after = states.edit(before);
            check(CATALOG_DIFFER, before, after, "seed " + seed + ", pair " + pair);
            before = pair % 50 == 49 ? states.state() : after;
        }
    }

    @Test
    void unrelatedCatalogStatesAlsoDiffCorrectly() {
        long seed = Long.getLong("zocket.seed", System.nanoTime());
        CatalogStates states = new CatalogStates(seed);
        for (int pair = 0; pair < 500; pair++) {
            check(CATALOG_DIFFER, states.state(), states.state(), "seed " + seed + ", pair " + pair);
        }
    }

    @Test
    void catalogStatesSurviveAJsonRoundTripAndDiffToNothing() {
        CatalogStates states = new CatalogStates(43);
        for (int i = 0; i < 200; i++) {
            Catalog.State state = states.state();
            Catalog.State copy = JSON.decode(JSON.toTree(state), JsonType.of(Catalog.State.class));
            assertEquals(JSON.toTree(state), JSON.toTree(copy), "decoded copy encodes the same");
            assertEquals(List.of(), diff(CATALOG_DIFFER, state, copy), "equal copy decoded from JSON");
        }
    }

    @Test
    void aChangeWithinOneVariantIsDiffedMemberByMember() {
        Catalog.State before = new CatalogStates(1).state().withShape(new Catalog.Circle(1.0, "a"))
                .withPhase(new Catalog.Playing(1, Map.of("x", 1)));
        Catalog.State after = before.withShape(new Catalog.Circle(2.0, "a")).withPhase(new Catalog.Playing(2, Map.of("x", 1)));

        assertEquals("[{\"op\":\"replace\",\"path\":\"/shape/radius\",\"value\":2.0},"
                + "{\"op\":\"replace\",\"path\":\"/phase/round\",\"value\":2}]",
                roundTrip(diff(CATALOG_DIFFER, before, after)).toString());
    }

    @Test
    void aChangeOfVariantIsOneReplaceCarryingTheDiscriminator() {
        Catalog.State before = new CatalogStates(2).state().withShape(new Catalog.Circle(1.0, null))
                .withPhase(new Catalog.Lobby(List.of("ann")));
        Catalog.State after = before.withShape(new Catalog.Blank()).withPhase(new Catalog.Playing(1, Map.of()));

        assertEquals("[{\"op\":\"replace\",\"path\":\"/shape\",\"value\":{\"type\":\"Blank\"}},"
                + "{\"op\":\"replace\",\"path\":\"/phase\",\"value\":{\"phase\":\"in-play\",\"round\":1,"
                + "\"scores\":{}}}]", roundTrip(diff(CATALOG_DIFFER, before, after)).toString());
    }

    @Test
    void nonStringKeysAreNamedAsJacksonNamesThem() {
        UUID owner = UUID.fromString("7f000000-0000-4000-8000-000000000000");
        Catalog.State before = new CatalogStates(3).state().withByKind(Map.of()).withOwners(Map.of())
                .withTimeline(Collections.emptyNavigableMap());
        Catalog.State after = before.withByKind(Map.of(Catalog.Kind.BLUE, 1)).withOwners(Map.of(owner, "ann"))
                .withTimeline(new TreeMap<>(Map.of(Long.MAX_VALUE, new Catalog.Entry("x", 1))));

        assertEquals("[{\"op\":\"add\",\"path\":\"/byKind/dark-blue\",\"value\":1},"
                + "{\"op\":\"add\",\"path\":\"/owners/" + owner + "\",\"value\":\"ann\"},"
                + "{\"op\":\"add\",\"path\":\"/timeline/9223372036854775807\",\"value\":{\"what\":\"x\","
                + "\"count\":1}}]", roundTrip(diff(CATALOG_DIFFER, before, after)).toString());
    }

    @Test
    void addingTheLargestElementToASortedSetIsOneAppend() {
        Catalog.State before = new CatalogStates(4).state().withKinds(new TreeSet<>(Set.of(Catalog.Kind.RED)));
        Catalog.State after = before.withKinds(new TreeSet<>(Set.of(Catalog.Kind.RED, Catalog.Kind.BLUE)));

        assertEquals("[{\"op\":\"add\",\"path\":\"/kinds/-\",\"value\":\"dark-blue\"}]",
                roundTrip(diff(CATALOG_DIFFER, before, after)).toString());
    }

    @Test
    void patchesTurnTheJsonOfBeforeIntoTheJsonOfAfter() {
        long seed = Long.getLong("zocket.seed", System.nanoTime());
        BoardStates states = new BoardStates(seed);
        State before = states.state();
        for (int pair = 0; pair < PAIRS; pair++) {
            State after = states.edit(before);
            check(before, after, "seed " + seed + ", pair " + pair);
            before = pair % 50 == 49 ? states.state() : after;
        }
    }

    @Test
    void unrelatedStatesAlsoDiffCorrectly() {
        long seed = Long.getLong("zocket.seed", System.nanoTime());
        BoardStates states = new BoardStates(seed);
        for (int pair = 0; pair < 500; pair++) {
            check(states.state(), states.state(), "seed " + seed + ", pair " + pair);
        }
    }

    @Test
    void equalStatesGiveNoOperations() {
        BoardStates states = new BoardStates(42);
        for (int i = 0; i < 200; i++) {
            State state = states.state();
            State copy = JSON.decode(JSON.toTree(state), JsonType_State.TYPE);
            assertEquals(List.of(), diff(state, state), "same reference");
            assertEquals(List.of(), diff(state, copy), "equal copy decoded from JSON");
        }
    }

    @Test
    void appendingToALargeListIsOneAdd() {
        BoardStates states = new BoardStates(7);
        State before = states.state().withItems(states.items(10_000));
        State after = before.withItems(dev.zocket.state.ImmutableLists.append(before.items(), states.item()));

        List<PatchOperation> operations = diff(before, after);

        assertEquals(1, operations.size());
        assertEquals(PatchOperation.Op.ADD, operations.get(0).op());
        assertEquals("/items/-", operations.get(0).path());
    }

    @Test
    void removingOneElementIsOneRemove() {
        BoardStates states = new BoardStates(8);
        State before = states.state().withItems(states.items(1_000));
        State after = before.withItems(dev.zocket.state.ImmutableLists.removeAt(before.items(), 500));

        assertEquals(List.of(PatchOperation.remove("/items/500")), diff(before, after));
    }

    @Test
    void changingOneNestedFieldRecursesInsteadOfReplacingTheList() {
        BoardStates states = new BoardStates(9);
        State before = states.state().withItems(states.items(100));
        Board.Item item = before.items().get(40) != null ? before.items().get(40) : states.item();
        State withItem = before.withItems(dev.zocket.state.ImmutableLists.set(before.items(), 40, item));
        State after = withItem.withItems(dev.zocket.state.ImmutableLists.set(withItem.items(), 40,
                item.withVersion(item.version() + 1)));

        assertEquals("[{\"op\":\"replace\",\"path\":\"/items/40/version\",\"value\":" + (item.version() + 1) + "}]",
                roundTrip(diff(withItem, after)).toString());
    }

    private static void check(State before, State after, String where) {
        check(DIFFER, before, after, where);
    }

    private static <S> void check(StateDiffer<S> differ, S before, S after, String where) {
        List<PatchOperation> operations = diff(differ, before, after);
        JsonNode patch = roundTrip(operations);
        JsonNode expected = JSON.parse(JSON.toJson(after));
        JsonNode start = JSON.parse(JSON.toJson(before));
        for (PatchOperation operation : operations) {
            if (operation.op() == PatchOperation.Op.ADD && isArrayInsert(start, operation.path())) {
                fail(where + ": add at an array index inserts under RFC 6902 but overwrites in the original client: "
                        + operation.describe());
            }
        }
        JsonNode rfc = JsonPatch.fromJson(patch).apply(start);
        assertTrue(JsonEquality.equal(expected, rfc), () -> where + ": RFC 6902 result differs\n  patch " + patch
                + "\n  expected " + expected + "\n  got      " + rfc);
        JsonNode original = OriginalClientPatcher.apply(start, patch);
        assertTrue(JsonEquality.equal(expected, original), () -> where + ": original-client result differs\n  patch "
                + patch + "\n  expected " + expected + "\n  got      " + original);
    }

    /** Whether {@code path} ends in a numeric index of an array that exists in {@code document}. */
    private static boolean isArrayInsert(JsonNode document, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.equals("-") && last.chars().allMatch(Character::isDigit) && !last.isEmpty()
                && path.lastIndexOf('/') >= 0 && parentIsArray(document, path.substring(0, path.lastIndexOf('/')));
    }

    private static boolean parentIsArray(JsonNode document, String parentPath) {
        JsonNode parent = document.at(parentPath);
        return parent != null && parent.isArray();
    }

    private static List<PatchOperation> diff(State before, State after) {
        return diff(DIFFER, before, after);
    }

    private static <S> List<PatchOperation> diff(StateDiffer<S> differ, S before, S after) {
        PatchBuilder patch = new PatchBuilder();
        differ.diff(before, after, patch);
        return patch.operations();
    }

    /** Serializes the operations as the server would and reads them back as a client does. */
    private static JsonNode roundTrip(List<PatchOperation> operations) {
        return JSON.parse(JSON.toJson(JsonPatch.of(operations).toJson()));
    }

    private static final class JsonType_State {
        static final dev.zocket.json.JsonType<State> TYPE = dev.zocket.json.JsonType.of(State.class);
    }
}
