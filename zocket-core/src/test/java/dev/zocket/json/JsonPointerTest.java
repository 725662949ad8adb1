package dev.zocket.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPointerTest {

    @Test
    void parsesAndUnescapesTokens() {
        assertEquals(List.of("a/b", "c~d", "", "0"), JsonPointer.parse("/a~1b/c~0d//0").tokens());
        assertEquals(List.of(""), JsonPointer.parse("/").tokens());
        assertTrue(JsonPointer.parse("").isRoot());
    }

    @Test
    void unescapesTildeOneBeforeTildeZeroCorrectly() {
        // "~01" is "~1" literally, not "/"
        assertEquals(List.of("~1"), JsonPointer.parse("/~01").tokens());
    }

    @Test
    void appendEscapesAndToStringIsTheWireText() {
        JsonPointer pointer = JsonPointer.ROOT.append("a/b").append(3).append("m~n");
        assertEquals("/a~1b/3/m~0n", pointer.toString());
        assertEquals(pointer, JsonPointer.parse(pointer.toString()));
        assertEquals("/a~1b/3", pointer.parent().toString());
        assertEquals("m~n", pointer.last());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "/a~", "/a~2", "/~x"})
    void rejectsInvalidPointers(String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "7,7", "10,10", "2147483647,2147483647", "01,-1", "00,-1", "-,-1", "-1,-1", "1e0,-1",
        "+1,-1", "'',-1", "2147483648,-1", "a,-1"})
    void readsArrayIndicesStrictly(String token, int expected) {
        assertEquals(expected, JsonPointer.arrayIndex(token));
    }

    @Test
    void properPrefix() {
        assertTrue(JsonPointer.parse("/a").isProperPrefixOf(JsonPointer.parse("/a/b")));
        assertFalse(JsonPointer.parse("/a").isProperPrefixOf(JsonPointer.parse("/a")));
        assertFalse(JsonPointer.parse("/a").isProperPrefixOf(JsonPointer.parse("/ab")));
        assertTrue(JsonPointer.ROOT.isProperPrefixOf(JsonPointer.parse("/a")));
    }
}
