package dev.zocket.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class JsonPatchTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonNode json(String text) {
        return JSON.parse(text);
    }

    @Test
    void applySharesUntouchedSubtreesAndLeavesTheInputAlone() {
        JsonNode before = json("{\"big\":{\"items\":[1,2,3]},\"list\":[{\"a\":1}],\"n\":1}");
        String beforeText = before.toString();

        JsonNode after = JsonPatch.of(List.of(PatchOperation.add("/list/-", json("{\"a\":2}")))).apply(before);

        assertEquals(beforeText, before.toString());
        assertEquals("{\"big\":{\"items\":[1,2,3]},\"list\":[{\"a\":1},{\"a\":2}],\"n\":1}", after.toString());
        assertSame(before.get("big"), after.get("big"), "untouched sibling is shared, not copied");
        assertSame(before.get("list").get(0), after.get("list").get(0), "untouched element is shared");
    }

    @Test
    void errorNamesTheOperationIndexKindAndPath() {
        JsonPatch patch = JsonPatch.of(List.of(
                PatchOperation.replace("/a", NODES.numberNode(2)),
                PatchOperation.remove("/players/7")));

        JsonPatchException failure = assertThrows(JsonPatchException.class,
                () -> patch.apply(json("{\"a\":1,\"players\":[1,2,3]}")));

        assertEquals("operation 1 (remove /players/7): no element at index 7, the array has 3", failure.getMessage());
    }

    @Test
    void moveAndCopyErrorsNameBothPointers() {
        JsonPatch patch = JsonPatch.of(List.of(PatchOperation.move("/missing", "/b")));

        JsonPatchException failure = assertThrows(JsonPatchException.class, () -> patch.apply(json("{}")));

        assertEquals("operation 0 (move /missing -> /b): no member 'missing'", failure.getMessage());
    }

    @Test
    void fromJsonRejectsMalformedOperationsWithTheirIndex() {
        assertEquals("a JSON Patch must be an array of operations",
                assertThrows(JsonPatchException.class, () -> JsonPatch.fromJson(json("{}"))).getMessage());
        assertEquals("operation 1: unknown op 'spam'",
                assertThrows(JsonPatchException.class, () -> JsonPatch.fromJson(
                        json("[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"spam\",\"path\":\"/a\"}]"))).getMessage());
        assertEquals("operation 0 (add /a): missing 'value'",
                assertThrows(JsonPatchException.class, () -> JsonPatch.fromJson(
                        json("[{\"op\":\"add\",\"path\":\"/a\"}]"))).getMessage());
        assertEquals("operation 0 (copy): missing 'from'",
                assertThrows(JsonPatchException.class, () -> JsonPatch.fromJson(
                        json("[{\"op\":\"copy\",\"path\":\"/a\"}]"))).getMessage());
        assertEquals("operation 0: must be an object",
                assertThrows(JsonPatchException.class, () -> JsonPatch.fromJson(json("[1]"))).getMessage());
    }

    @Test
    void toJsonRoundTripsThroughFromJson() {
        JsonPatch patch = JsonPatch.of(List.of(
                PatchOperation.add("/a/-", NODES.stringNode("x")),
                PatchOperation.remove("/b/0"),
                PatchOperation.replace("", json("{\"c\":null}")),
                PatchOperation.move("/d", "/e"),
                PatchOperation.copy("/f", "/g"),
                PatchOperation.test("/h", NODES.nullNode())));

        assertEquals(patch, JsonPatch.fromJson(json(patch.toJson().toString())));
    }

    @Test
    void operationsRejectMissingOrSuperfluousMembers() {
        assertThrows(IllegalArgumentException.class, () -> new PatchOperation(PatchOperation.Op.ADD, "/a", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PatchOperation(PatchOperation.Op.REMOVE, "/a", null, NODES.nullNode()));
        assertThrows(IllegalArgumentException.class, () -> new PatchOperation(PatchOperation.Op.MOVE, "/a", null, null));
    }
}
