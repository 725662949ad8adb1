package dev.zocket.json;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Equality of JSON values as RFC 6902 {@code test} defines it: numbers compare by value
 * ({@code 1} equals {@code 1.0}), objects ignore member order, arrays compare element-wise.
 */
public final class JsonEquality {

    private JsonEquality() {}

    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType()) {
            return false;
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> members = a.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                if (!equal(member.getValue(), b.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
