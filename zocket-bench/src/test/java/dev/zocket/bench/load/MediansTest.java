package dev.zocket.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.json.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MediansTest {

    private static JsonNode json(String text) {
        return JsonCodec.standard().parse(text);
    }

    @Test
    void numbersBecomeTheirMedianFieldByField() {
        JsonNode median = Medians.of(List.of(
                json("{\"scenario\":\"rpc\",\"calls\":30,\"latency\":{\"p50\":1.5}}"),
                json("{\"scenario\":\"rpc\",\"calls\":10,\"latency\":{\"p50\":9.0}}"),
                json("{\"scenario\":\"rpc\",\"calls\":20,\"latency\":{\"p50\":2.5}}")));
        assertEquals("{\"scenario\":\"rpc\",\"calls\":20,\"latency\":{\"p50\":2.5}}", median.toString());
    }

    @Test
    void anEvenNumberOfRunsAveragesTheMiddleTwo() {
        JsonNode median = Medians.of(List.of(json("{\"calls\":10}"), json("{\"calls\":40}"),
                json("{\"calls\":20}"), json("{\"calls\":30}")));
        assertEquals(25, median.get("calls").asInt());
        assertEquals("{\"rate\":2.5}", Medians.of(List.of(json("{\"rate\":2}"), json("{\"rate\":3}"))).toString());
    }

    @Test
    void unknownFiguresStayNull() {
        assertEquals("{\"serverSeconds\":null}",
                Medians.of(List.of(json("{\"serverSeconds\":null}"), json("{\"serverSeconds\":null}"))).toString());
    }
}
