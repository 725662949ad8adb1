package dev.zocket.server.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.json.JsonCodec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Numbers JSON cannot carry are found wherever they are, and named by their path. */
class NonFiniteNumbersTest {

    private static final JsonCodec JSON = JsonCodec.standard();

    private static Optional<String> find(String json) {
        return NonFiniteNumbers.find(JSON.parse(json));
    }

    @Test
    void findsTheFirstNonFiniteNumberByItsPath() {
        assertEquals(Optional.empty(), find("{\"a\":1.5,\"b\":[1,2,{\"c\":-1e308}],\"d\":\"1e999\"}"));
        assertEquals(Optional.of("input"), find("1e999"));
        assertEquals(Optional.of("stroke.points[2].x"),
                find("{\"stroke\":{\"points\":[{\"x\":1},{\"x\":2},{\"x\":-1e999},{\"x\":1e999}]}}"));
        assertEquals(Optional.of("big"), find("{\"small\":1,\"big\":1" + "0".repeat(400) + "}"));
    }
}
