package dev.zocket.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.diff.PatchBuilder;
import dev.zocket.diff.UnsupportedPatchException;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonEquality;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.JsonType;
import dev.zocket.json.PatchOperation;
import dev.zocket.processor.fixtures.Annotated;
import dev.zocket.processor.fixtures.AnnotatedStateApplier;
import dev.zocket.processor.fixtures.Board.Item;
import dev.zocket.processor.fixtures.Board.State;
import dev.zocket.processor.fixtures.BoardHandle;
import dev.zocket.processor.fixtures.BoardStateApplier;
import dev.zocket.processor.fixtures.BoardStateDiffer;
import dev.zocket.spi.StateApplier;
import dev.zocket.state.ImmutableLists;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks the generated applier against the differ it inverts: for random pairs of nested states,
 * applying diff(a, b), as a client receives it, to the typed a must give a value whose JSON is
 * exactly the JSON of b (which {@link DifferPropertyTest} shows is what patching the JSON of a
 * gives, so also what decoding that gives). Run with {@code -Dzocket.seed=N} to repeat a failure.
 */
class ApplierPropertyTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final JsonType<State> STATE = JsonType.of(State.class);
    private static final StateApplier<State> APPLIER = BoardStateApplier.INSTANCE;
    private static final int PAIRS = 5_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void applyingTheDiffToTheTypedStateGivesWhatAFullDecodeGives() {
        long seed = Long.getLong("zocket.seed", System.nanoTime());
        BoardStates states = new BoardStates(seed);
        State before = states.state();
        for (int pair = 0; pair < PAIRS; pair++) {
            State after = states.edit(before);
            // Half the time start from a decoded state, as a client does after a snapshot.
            State start = pair % 2 == 0 ? before : JSON.decode(JSON.toTree(before), STATE);
            check(start, after, "seed " + seed + ", pair " + pair);
            before = pair % 50 == 49 ? states.state() : after;
        }
    }

    @Test
    void unrelatedStatesAlsoApplyCorrectly() {
        long seed = Long.getLong("zocket.seed", System.nanoTime());
        BoardStates states = new BoardStates(seed);
        for (int pair = 0; pair < 500; pair++) {
            check(states.state(), states.state(), "seed " + seed + ", pair " + pair);
        }
    }

    @Test
    void anAppendRebuildsOnlyThePathToTheList() {
        BoardStates states = new BoardStates(11);
        State before = states.state().withItems(states.items(10_000));
        Item added = states.item();
        State after = before.withItems(ImmutableLists.append(before.items(), added));

        State applied = APPLIER.apply(before, wire(diff(before, after)), JSON);

        assertEquals(10_001, applied.items().size());
        assertSame(before.groups(), applied.groups(), "untouched members are shared");
        assertSame(before.paths(), applied.paths());
        for (int i = 0; i < 10_000; i++) {
            assertSame(before.items().get(i), applied.items().get(i), "untouched elements are shared");
        }
        assertTrue(JsonEquality.equal(JSON.toTree(added), JSON.toTree(applied.items().get(10_000))));
    }

    @Test
    void aMemberTheRecordDoesNotDeclareIsIgnoredAsDecodingIgnoresIt() {
        State state = new BoardStates(12).state();

        State applied = APPLIER.apply(state, List.of(PatchOperation.replace("/addedLater", NODES.numberNode(1)),
                PatchOperation.add("/addedLater/deeper", NODES.numberNode(2))), JSON);

        assertSame(state, applied);
    }

    @Test
    void shapesTheDifferNeverProducesAreLeftToTheJson() {
        State state = new BoardStates(13).state().withItems(new BoardStates(14).items(3)).withRaw(new int[] {1, 2});
        List<List<PatchOperation>> foreign = List.of(
                List.of(PatchOperation.move("/title", "/kind")),
                List.of(PatchOperation.copy("/title", "/kind")),
                List.of(PatchOperation.test("/count", NODES.numberNode(state.count()))),
                List.of(PatchOperation.add("/items/0", NODES.nullNode())),
                List.of(PatchOperation.replace("/items/3", NODES.nullNode())),
                List.of(PatchOperation.remove("/items/7")),
                List.of(PatchOperation.remove("/title")),
                List.of(PatchOperation.replace("/raw~1data/0", NODES.numberNode(5))),
                List.of(PatchOperation.replace("/count", NODES.nullNode())),
                List.of(PatchOperation.remove("/groups/no such key")),
                List.of(PatchOperation.replace("/paths/0/0/2", NODES.numberNode(1))),
                List.of(PatchOperation.replace("/title", NODES.stringNode("fine")),
                        PatchOperation.remove("")));
        for (List<PatchOperation> operations : foreign) {
            assertThrows(UnsupportedPatchException.class, () -> APPLIER.apply(state, operations, JSON),
                    operations::toString);
        }
    }

    @Test
    void aMemberWithAJacksonAnnotationIsLeftToTheJson() {
        Annotated.State state = new Annotated.State(List.of("a"), 1);
        StateApplier<Annotated.State> applier = AnnotatedStateApplier.INSTANCE;

        assertThrows(UnsupportedPatchException.class, () -> applier.apply(state,
                List.of(PatchOperation.add("/tags/-", NODES.stringNode("b"))), JSON));
        assertEquals(new Annotated.State(List.of("a"), 2),
                applier.apply(state, List.of(PatchOperation.replace("/count", NODES.numberNode(2))), JSON));
    }

    @Test
    void theGeneratedHandleOffersTheApplier() {
        assertSame(APPLIER, BoardHandle.FACTORY.stateApplier());
        assertEquals(State.class, APPLIER.stateType());
    }

    private static void check(State before, State after, String where) {
        List<PatchOperation> operations = wire(diff(before, after));
        JsonNode expected = JSON.toTree(after);
        State applied;
        try {
            applied = APPLIER.apply(before, operations, JSON);
        } catch (UnsupportedPatchException e) {
            fail(where + ": the applier refused the differ's own patch " + operations + ": " + e.getMessage());
            return;
        }
        JsonNode got = JSON.toTree(applied);
        assertTrue(JsonEquality.equal(expected, got), () -> where + ": typed result differs\n  patch " + operations
                + "\n  expected " + expected + "\n  got      " + got);
    }

    private static List<PatchOperation> diff(State before, State after) {
        PatchBuilder patch = new PatchBuilder();
        BoardStateDiffer.INSTANCE.diff(before, after, patch);
        return patch.operations();
    }

    /** The operations as a client receives them: serialized by the server, parsed back. */
    private static List<PatchOperation> wire(List<PatchOperation> operations) {
        return JsonPatch.fromJson(JSON.parse(JSON.toJson(JsonPatch.of(operations).toJson()))).operations();
    }
}
