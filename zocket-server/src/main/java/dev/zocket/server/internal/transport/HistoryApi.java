package dev.zocket.server.internal.transport;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read-only inspection of stored state over HTTP, for bearers of the history token:
 *
 * <pre>
 * GET /api/v1/actors/{actor}/instances?after=&amp;limit=         ids, ascending, paged
 * GET /api/v1/actors/{actor}/instances/{id}                    state and version
 * GET /api/v1/actors/{actor}/instances/{id}/history?before=&amp;limit=   changes, newest first
 * </pre>
 *
 * Path segments are percent-decoded, so any id can be addressed. Only registered actor types are
 * served.
 */
public final class HistoryApi {

    static final String PREFIX = "/api/v1/actors/";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    record Answer(int status, String body) {}

    private final StateStore store;
    private final byte[] token;
    private final Set<String> actors;
    private final JsonCodec json;

    /**
     * @param token what requests must send as {@code Authorization: Bearer <token>}
     * @param actors the registered actor types, the only ones served
     */
    public HistoryApi(StateStore store, String token, Set<String> actors, JsonCodec json) {
        this.store = store;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.actors = Set.copyOf(actors);
        this.json = json;
    }

    /** Answers a request under {@link #PREFIX}; {@code rawPath} and {@code rawQuery} are still percent-encoded. */
    Answer answer(String rawPath, String rawQuery, String authorization) {
        if (!authorized(authorization)) {
            return error(401, "a valid Authorization: Bearer token is required");
        }
        List<String> segments = new ArrayList<>();
        try {
            for (String segment : rawPath.substring(PREFIX.length()).split("/", -1)) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException malformed) {
            return error(400, "malformed path");
        }
        if (segments.size() < 2 || !segments.get(1).equals("instances") || !actors.contains(segments.get(0))) {
            return error(404, "no such actor or resource");
        }
        Map<String, String> query;
        try {
            query = QueryStrings.parse(rawQuery);
        } catch (IllegalArgumentException malformed) {
            return error(400, "malformed query");
        }
        String actor = segments.get(0);
        try {
            if (segments.size() == 2) {
                return instances(actor, query);
            }
            if (segments.size() == 3) {
                return state(actor, segments.get(2));
            }
            if (segments.size() == 4 && segments.get(3).equals("history")) {
                return history(actor, segments.get(2), query);
            }
        } catch (NumberFormatException badNumber) {
            return error(400, "limit and before must be whole numbers");
        } catch (StoreException failed) {
            return error(503, "the store cannot answer now");
        }
        return error(404, "no such resource");
    }

    private Answer instances(String actor, Map<String, String> query) {
        int limit = limit(query);
        List<String> ids = store.instances(actor, query.get("after"), limit);
        ObjectNode body = json.nodes().objectNode();
        ArrayNode list = body.putArray("instances");
        ids.forEach(list::add);
        body.put("next", ids.size() == limit ? ids.get(ids.size() - 1) : null);
        return new Answer(200, json.toJson(body));
    }

    private Answer state(String actor, String id) {
        Optional<StoredState> stored = store.load(actor, id);
        if (stored.isEmpty()) {
            return error(404, "no stored state for this instance");
        }
        ObjectNode body = json.nodes().objectNode();
        body.put("actor", actor);
        body.put("id", id);
        body.put("version", stored.get().version());
        body.set("state", json.parse(stored.get().snapshot()));
        return new Answer(200, json.toJson(body));
    }

    private Answer history(String actor, String id, Map<String, String> query) {
        int limit = limit(query);
        long before = query.containsKey("before") ? Long.parseLong(query.get("before")) : Long.MAX_VALUE;
        List<Change> changes = store.history(actor, id, before, limit);
        ObjectNode body = json.nodes().objectNode();
        ArrayNode list = body.putArray("changes");
        for (Change change : changes) {
            ObjectNode entry = list.addObject();
            entry.put("version", change.version());
            entry.put("time", change.time().toString());
            entry.put("caller", change.caller());
            entry.put("method", change.method());
            JsonNode patch = json.parse(change.patch());
            entry.set("patch", patch);
            entry.put("idempotencyKey", change.idempotencyKey());
        }
        if (changes.size() == limit) {
            body.put("next", changes.get(changes.size() - 1).version());
        } else {
            body.putNull("next");
        }
        return new Answer(200, json.toJson(body));
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] offered = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token);
    }

    private static int limit(Map<String, String> query) {
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : DEFAULT_LIMIT;
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }


    private Answer error(int status, String message) {
        ObjectNode body = json.nodes().objectNode();
        body.put("error", message);
        return new Answer(status, json.toJson(body));
    }
}
