package dev.zocket.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecTest {

    private static final JsonCodec JSON = JsonCodec.standard();

    enum Phase {
        @JsonProperty("lobby") LOBBY,
        @JsonProperty("roundEnd") ROUND_END
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Point(double x, double y) {}

    record Stroke(List<Point> points, String color, double width) {}

    record Input(String name, int count, boolean flag, Optional<String> note, Phase phase, List<String> tags,
            Map<String, Integer> scores, Stroke stroke) {}

    private static Input decode(String json) {
        return JSON.decode(JSON.parse(json), JsonType.of(Input.class));
    }

    private static final String VALID = "{\"name\":\"a\",\"count\":1,\"flag\":true}";

    @Test
    void decodesAValidInputWithAbsentReferencesAsNullOrEmpty() {
        Input input = decode(VALID);
        assertEquals(new Input("a", 1, true, Optional.empty(), null, null, null, null), input);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":5,\"count\":1,\"flag\":true}                      | name        | expected a string but was a number",
        "{\"name\":\"a\",\"count\":\"1\",\"flag\":true}              | count       | expected an integer",
        "{\"name\":\"a\",\"count\":1.5,\"flag\":true}                | count       | expected an integer but was a number",
        "{\"name\":\"a\",\"count\":1,\"flag\":1}                     | flag        | expected a boolean but was a number",
        "{\"name\":\"a\",\"flag\":true}                              | count       | is required",
        "{\"name\":\"a\",\"count\":null,\"flag\":true}               | count       | must not be null",
        "{\"name\":\"a\",\"count\":99999999999,\"flag\":true}        | count       | is out of range for an integer",
        "{\"count\":1,\"flag\":true,\"phase\":\"nope\"}              | phase       | must be one of [lobby, roundEnd]",
        "{\"count\":1,\"flag\":true,\"tags\":\"x\"}                  | tags        | expected an array",
        "{\"count\":1,\"flag\":true,\"tags\":[1]}                    | tags[0]     | expected a string but was a number",
        "{\"count\":1,\"flag\":true,\"scores\":{\"a\":\"1\"}}        | scores.a    | expected an integer",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1]],\"color\":\"#fff\",\"width\":1}}   | stroke.points[0] | expected an array of 2 elements but got 1",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1,2,3]],\"color\":\"#fff\",\"width\":1}} | stroke.points[0] | expected an array of 2 elements but got 3",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1,\"2\"]],\"color\":\"#fff\",\"width\":1}} | stroke.points[0] | expected a number",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1,\"NaN\"]],\"color\":\"#fff\",\"width\":1}} | stroke.points[0] | expected a number",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\",\"width\":\"Infinity\"}} | stroke.width | expected a number",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\",\"width\":\"-Infinity\"}} | stroke.width | expected a number",
        "{\"count\":1,\"flag\":true,\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\"}} | stroke.width | is required",
        "[]                                                          | ''          | expected an object",
    })
    void rejectsWithPathAndReason(String json, String path, String reason) {
        DecodeException failure = assertThrows(DecodeException.class, () -> decode(json));
        assertEquals(path, failure.path(), failure.getMessage());
        assertEquals(reason, failure.reason(), failure.getMessage());
    }

    @Test
    void decodedCollectionsAreUnmodifiable() {
        Input input = decode("{\"count\":1,\"flag\":true,\"tags\":[\"x\"],\"scores\":{\"a\":1},"
                + "\"stroke\":{\"points\":[[1,2]],\"color\":\"#fff\",\"width\":0.5}}");
        assertThrows(UnsupportedOperationException.class, () -> input.tags().add("y"));
        assertThrows(UnsupportedOperationException.class, () -> input.scores().put("b", 2));
        assertThrows(UnsupportedOperationException.class, () -> input.stroke().points().clear());
        assertEquals(new Point(1, 2), input.stroke().points().get(0));
    }

    @Test
    void ignoresUnknownMembers() {
        assertEquals("a", decode("{\"name\":\"a\",\"count\":1,\"flag\":true,\"extra\":[1,2]}").name());
    }

    @Test
    void encodesNullMembersEnumWireNamesAndArrayShapedRecords() {
        Input input = new Input(null, 0, false, Optional.empty(), Phase.ROUND_END, List.of(), Map.of(),
                new Stroke(List.of(new Point(1.5, 2)), "#fff", 0));
        assertEquals("{\"name\":null,\"count\":0,\"flag\":false,\"note\":null,\"phase\":\"roundEnd\",\"tags\":[],"
                + "\"scores\":{},\"stroke\":{\"points\":[[1.5,2.0]],\"color\":\"#fff\",\"width\":0.0}}", JSON.toJson(input));
    }

    @Test
    void decodesNullAndMissingAsNull() {
        assertNull(JSON.decode(null, JsonType.of(Input.class)));
        assertNull(JSON.decode(JSON.nodes().nullNode(), JsonType.of(Input.class)));
    }

    @Test
    void decodesGenericTypes() {
        List<Point> points = JSON.decode(JSON.parse("[[1,2],[3,4]]"), new JsonType<List<Point>>() {});
        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), points);
    }

    @Test
    void lazyNodesSerializeTheirValueWhenWritten() {
        var tree = JSON.nodes().objectNode();
        tree.set("value", JSON.lazy(new Point(1, 2)));
        assertEquals("{\"value\":[1.0,2.0]}", JSON.toJson(tree));
    }

    @Test
    void parseReportsInvalidJson() {
        DecodeException failure = assertThrows(DecodeException.class, () -> JSON.parse("{nope"));
        assertEquals("", failure.path());
    }
}
