package dev.zocket.server.internal.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the query string of an HTTP request target into its decoded names and values. */
public final class QueryStrings {

    private QueryStrings() {}

    /**
     * The parameters of {@code rawQuery} (without the {@code ?}), percent-decoded; a name given
     * twice keeps its last value, a name without {@code =} has the empty value.
     */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }
}
