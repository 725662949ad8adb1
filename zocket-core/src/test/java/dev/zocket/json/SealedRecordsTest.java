package dev.zocket.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Sealed interfaces of records: Zocket's default discriminator without {@code @JsonTypeInfo},
 * Jackson's own with it, and one JSON form per variant wherever it is written. Also the decoded
 * forms of sets and sorted maps, which the state differ relies on.
 */
class SealedRecordsTest {

    private static final JsonCodec JSON = JsonCodec.standard();

    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    @JsonTypeName("box")
    record Square(double side) implements Shape {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    sealed interface Phase permits Lobby, Playing {}

    record Lobby(int players) implements Phase {}

    @JsonTypeName("playing")
    record Playing(int round) implements Phase {}

    record Holder(Shape shape, List<Shape> shapes, Map<String, Phase> phases, Circle circle) {}

    record Ordered(Set<String> tags, SortedSet<Integer> numbers, SortedMap<Long, String> byTime,
            NavigableMap<Integer, String> ranks) {}

    @Test
    void withoutTypeInfoTheDiscriminatorIsTypeWithTheSimpleName() {
        assertEquals("{\"type\":\"Circle\",\"radius\":2.0}", JSON.toJson(new Circle(2)));
        assertEquals("{\"type\":\"box\",\"side\":1.0}", JSON.toJson(new Square(1)), "@JsonTypeName renames");
        assertEquals(new Circle(2), JSON.decode(JSON.parse("{\"type\":\"Circle\",\"radius\":2}"), JsonType.of(Shape.class)));
        assertEquals(new Square(1), JSON.decode(JSON.parse("{\"side\":1,\"type\":\"box\"}"), JsonType.of(Shape.class)));
    }

    @Test
    void withTypeInfoJacksonsDiscriminatorIsHonoured() {
        assertEquals("{\"kind\":\"playing\",\"round\":3}", JSON.toJson(new Playing(3)));
        assertEquals(new Lobby(2), JSON.decode(JSON.parse("{\"kind\":\"SealedRecordsTest$Lobby\",\"players\":2}"),
                JsonType.of(Phase.class)));
    }

    @Test
    void aVariantHasOneJsonFormWhereverItIsWritten() {
        Holder holder = new Holder(new Circle(1), List.of(new Circle(2), new Square(3)), Map.of("p", new Lobby(4)),
                new Circle(5));
        String expected = "{\"shape\":{\"type\":\"Circle\",\"radius\":1.0},\"shapes\":[{\"type\":\"Circle\",\"radius\":2.0},"
                + "{\"type\":\"box\",\"side\":3.0}],\"phases\":{\"p\":{\"kind\":\"SealedRecordsTest$Lobby\",\"players\":4}},"
                + "\"circle\":{\"type\":\"Circle\",\"radius\":5.0}}";
        assertEquals(expected, JSON.toJson(holder));
        List<Object> untyped = new ArrayList<>(holder.shapes());
        assertEquals("[{\"type\":\"Circle\",\"radius\":2.0},{\"type\":\"box\",\"side\":3.0}]", JSON.toJson(untyped),
                "a list written without its element type, as in a JSON Patch value");
        assertEquals(holder, JSON.decode(JSON.parse(expected), JsonType.of(Holder.class)));
    }

    @Test
    void anUnknownVariantIsADecodeError() {
        DecodeException failure = assertThrows(DecodeException.class,
                () -> JSON.decode(JSON.parse("{\"type\":\"Hexagon\"}"), JsonType.of(Shape.class)));
        assertEquals("", failure.path());
    }

    @Test
    void decodedSetsKeepTheirJsonOrderAndSortedMapsStaySorted() {
        Ordered ordered = JSON.decode(JSON.parse("{\"tags\":[\"w9\",\"a\",\"m\",\"b\"],\"numbers\":[3,1],"
                + "\"byTime\":{\"20\":\"x\",\"3\":\"y\"},\"ranks\":{\"2\":\"b\",\"1\":\"a\"}}"), JsonType.of(Ordered.class));

        assertEquals(List.of("w9", "a", "m", "b"), new ArrayList<>(ordered.tags()));
        assertEquals(List.of(1, 3), new ArrayList<>(ordered.numbers()));
        assertEquals(new TreeMap<>(Map.of(3L, "y", 20L, "x")), ordered.byTime());
        assertEquals(1, ordered.ranks().firstKey());
        assertThrows(UnsupportedOperationException.class, () -> ordered.ranks().put(5, "e"));
        assertInstanceOf(NavigableMap.class, ordered.ranks());
        assertEquals("{\"tags\":[\"w9\",\"a\",\"m\",\"b\"],\"numbers\":[1,3],\"byTime\":{\"3\":\"y\",\"20\":\"x\"},"
                + "\"ranks\":{\"1\":\"a\",\"2\":\"b\"}}", JSON.toJson(ordered));
    }
}
