package dev.zocket.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.diff.PatchBuilder;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonEquality;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.PatchOperation;
import dev.zocket.processor.fixtures.Board;
import dev.zocket.processor.fixtures.Board.State;
import dev.zocket.processor.fixtures.BoardBinding;
import dev.zocket.spi.StateDiffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks the generated differ against the JSON it must reproduce: for random pairs of nested
 * states, applying diff(a, b) to the JSON of a must give exactly the JSON of b, under RFC 6902
 * and under the original Zocket client's looser semantics.
 */
class DifferPropertyTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final StateDiffer<State> DIFFER = BoardBinding.INSTANCE.differ();
    private static final int PAIRS = 5_000;

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
        List<PatchOperation> operations = diff(before, after);
        JsonNode patch = roundTrip(operations);
        JsonNode expected = JSON.toTree(after);
        JsonNode start = JSON.toTree(before);
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
        PatchBuilder patch = new PatchBuilder();
        DIFFER.diff(before, after, patch);
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
