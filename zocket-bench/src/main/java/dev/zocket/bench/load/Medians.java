package dev.zocket.bench.load;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The median of several runs' results, field by field: numbers become the median of that field
 * across runs, anything else is taken from the first run. Runs on this kind of machine vary by
 * tens of percent, so tables quote medians.
 */
final class Medians {

    private Medians() {}

    static JsonNode of(List<JsonNode> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        return merge(runs);
    }

    private static JsonNode merge(List<JsonNode> nodes) {
        JsonNode first = nodes.get(0);
        if (first.isObject()) {
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            for (String field : first.propertyNames()) {
                merged.set(field, merge(nodes.stream().map(node -> node.path(field)).toList()));
            }
            return merged;
        }
        if (first.isNumber()) {
            double[] values = nodes.stream().filter(JsonNode::isNumber).mapToDouble(JsonNode::asDouble).sorted().toArray();
            double median = values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
            return first.isIntegralNumber() && median == Math.rint(median)
                    ? JsonNodeFactory.instance.numberNode((long) median)
                    : JsonNodeFactory.instance.numberNode(Math.round(median * 10) / 10.0);
        }
        return first;
    }
}
