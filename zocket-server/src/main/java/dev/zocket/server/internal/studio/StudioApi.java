package dev.zocket.server.internal.studio;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.internal.runtime.InstanceSnapshot;
import dev.zocket.server.internal.runtime.Privilege;
import dev.zocket.server.internal.runtime.ActorType;
import dev.zocket.server.internal.session.SessionSnapshot;
import dev.zocket.server.internal.transport.QueryStrings;
import dev.zocket.server.internal.transport.HttpRoutes;
import dev.zocket.server.internal.transport.StaticFiles;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.spi.TimeSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Studio's HTTP side: the page's files under {@code /studio/} and its JSON endpoints under
 * {@code /studio/api/} (listed in docs/studio.md). Every endpoint asks {@link StudioAccess}
 * first. Answers on the HTTP loop's thread from snapshots that take no actor's mailbox, so a
 * busy or stuck instance cannot hold the page up.
 */
final class StudioApi implements HttpRoutes {

    static final String PREFIX = "/studio";
    private static final String API = PREFIX + "/api/";
    private static final String JSON = "application/json";
    private static final int MAX_INSTANCES_LISTED = 500;
    private static final int MAX_HISTORY = 200;

    private final StudioAccess access;
    private final StudioTickets tickets;
    private final ActorHost host;
    private final StudioHistory history;
    private final MetricsReport metrics;
    private final ContractShapes shapes;
    private final JsonCodec json;
    private final TimeSource time;
    private final Logger audit;
    private final StaticFiles files = StaticFiles.classpath("dev/zocket/server/studio", StudioApi.class.getClassLoader());

    StudioApi(StudioAccess access, StudioTickets tickets, ActorHost host, StudioHistory history, JsonCodec json,
            TimeSource time, Logger audit) {
        this.access = access;
        this.tickets = tickets;
        this.host = host;
        this.history = history;
        this.json = json;
        this.time = time;
        this.audit = audit;
        this.metrics = new MetricsReport(host.metrics(), json);
        this.shapes = new ContractShapes(json);
    }

    @Override
    public boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public Reply answer(Request request) {
        String method = request.method();
        URI uri = request.uri();
        String path = uri.getPath();
        if (!path.startsWith(API)) {
            return page(request);
        }
        StudioAccess.Decision decision = access.decide(request.authorization(), request.host(), request.peer());
        if (decision instanceof StudioAccess.Decision.Refused refused) {
            return error(refused.status(), refused.reason());
        }
        String operator = ((StudioAccess.Decision.Admitted) decision).operator();
        Map<String, String> query;
        try {
            query = QueryStrings.parse(uri.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return error(400, "malformed query");
        }
        String endpoint = path.substring(API.length());
        boolean reading = method.equals("GET") || method.equals("HEAD");
        try {
            return switch (endpoint) {
                case "session" -> reading ? ok(session(operator)) : notAllowed();
                case "actors" -> reading ? ok(actors()) : notAllowed();
                case "instances" -> reading ? ok(instances(query)) : notAllowed();
                case "connections" -> reading ? ok(connections()) : notAllowed();
                case "metrics" -> reading ? ok(metrics.sample()) : notAllowed();
                case "history" -> reading ? history(query) : notAllowed();
                case "ticket" -> method.equals("POST") ? ticket(operator) : notAllowed();
                case "passivate" -> method.equals("POST") ? passivate(operator, query) : notAllowed();
                default -> error(404, "no such Studio endpoint");
            };
        } catch (NumberFormatException badNumber) {
            return error(400, "limit and before must be whole numbers");
        } catch (StoreException failed) {
            return error(503, "the store cannot answer now");
        }
    }

    private Reply page(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return notAllowed();
        }
        if (!access.mayLoadPage(request.host(), request.peer())) {
            return error(403, StudioAccess.LOOPBACK_ONLY);
        }
        String path = request.uri().getPath();
        String file = path.equals(PREFIX) ? "/" : path.substring(PREFIX.length());
        return files.find(file)
                .map(content -> new Reply(200, content.contentType(), content.bytes()))
                .orElseGet(() -> error(404, "not found"));
    }

    private ObjectNode session(String operator) {
        ObjectNode body = json.nodes().objectNode();
        body.put("operator", operator);
        body.put("protectedByToken", access.protectedByToken());
        return body;
    }

    private ObjectNode actors() {
        ObjectNode body = json.nodes().objectNode();
        ArrayNode list = body.putArray("actors");
        host.registry().types().values().stream()
                .sorted(Comparator.comparing((ActorType<?, ?, ?> type) -> type.binding().actorName()))
                .forEach(type -> list.add(shapes.describe(type.binding())));
        return body;
    }

    private ObjectNode instances(Map<String, String> query) {
        String actor = query.get("actor");
        String search = query.getOrDefault("q", "").toLowerCase(Locale.ROOT);
        Map<InstanceKey, Integer> connections = new HashMap<>();
        for (SessionSnapshot session : host.protocol().sessions().snapshot(time.nanoTime())) {
            if (!Privilege.holds(session.caller())) {
                for (InstanceKey key : session.instances()) {
                    connections.merge(key, 1, Integer::sum);
                }
            }
        }
        List<InstanceSnapshot> live = host.registry().liveInstances().stream()
                .filter(instance -> actor == null || actor.isEmpty() || instance.key().actor().equals(actor))
                .filter(instance -> instance.key().id().toLowerCase(Locale.ROOT).contains(search))
                .sorted(Comparator.comparing((InstanceSnapshot instance) -> instance.key().actor())
                        .thenComparing(instance -> instance.key().id()))
                .toList();
        ObjectNode body = json.nodes().objectNode();
        body.put("total", live.size());
        ArrayNode list = body.putArray("instances");
        for (InstanceSnapshot instance : live.subList(0, Math.min(live.size(), MAX_INSTANCES_LISTED))) {
            ObjectNode entry = list.addObject();
            entry.put("actor", instance.key().actor());
            entry.put("id", instance.key().id());
            entry.put("version", instance.version());
            entry.put("idleMillis", TimeUnit.NANOSECONDS.toMillis(instance.idleNanos()));
            entry.put("connections", connections.getOrDefault(instance.key(), 0));
            entry.put("holds", instance.holds());
            entry.put("active", instance.active());
        }
        return body;
    }

    private ObjectNode connections() {
        ObjectNode body = json.nodes().objectNode();
        ArrayNode list = body.putArray("connections");
        List<SessionSnapshot> sessions = host.protocol().sessions().snapshot(time.nanoTime()).stream()
                .sorted(Comparator.comparingLong(SessionSnapshot::ageNanos)).toList();
        for (SessionSnapshot session : sessions) {
            ObjectNode entry = list.addObject();
            entry.put("clientId", session.caller().clientId());
            entry.put("userId", session.caller().userId().orElse(null));
            entry.put("studio", Privilege.holds(session.caller()));
            entry.set("stateSubscriptions", keys(session.stateSubscriptions()));
            entry.set("eventSubscriptions", keys(session.eventSubscriptions()));
            entry.put("instances", session.instances().size());
            entry.put("bufferedBytes", session.bufferedBytes());
            entry.put("ageMillis", TimeUnit.NANOSECONDS.toMillis(session.ageNanos()));
        }
        return body;
    }

    private ArrayNode keys(List<InstanceKey> keys) {
        ArrayNode list = json.nodes().arrayNode();
        keys.stream().map(InstanceKey::toString).sorted().forEach(list::add);
        return list;
    }

    private Reply history(Map<String, String> query) {
        InstanceKey key = key(query);
        if (key == null) {
            return error(404, "no such actor: give actor and id");
        }
        int limit = Math.max(1, Math.min(MAX_HISTORY, Integer.parseInt(query.getOrDefault("limit", "50"))));
        long before = query.containsKey("before") ? Long.parseLong(query.get("before")) : Long.MAX_VALUE;
        StudioHistory.Changes changes = history.changes(key, before, limit);
        ObjectNode body = json.nodes().objectNode();
        body.put("source", changes.source().name().toLowerCase(Locale.ROOT));
        ArrayNode list = body.putArray("changes");
        for (Change change : changes.changes()) {
            ObjectNode entry = list.addObject();
            entry.put("version", change.version());
            entry.put("time", change.time().toString());
            entry.put("caller", change.caller());
            entry.put("method", change.method());
            entry.set("patch", json.parse(change.patch()));
        }
        return ok(body);
    }

    private Reply ticket(String operator) {
        ObjectNode body = json.nodes().objectNode();
        body.put("ticket", tickets.issue(operator, time.nanoTime()));
        body.put("parameter", Studio.TICKET_PARAMETER);
        return ok(body);
    }

    private Reply passivate(String operator, Map<String, String> query) {
        InstanceKey key = key(query);
        if (key == null) {
            return error(404, "no such actor: give actor and id");
        }
        audit.info("{} asks to passivate {}", operator, key);
        boolean queued = host.registry().passivate(key,
                outcome -> audit.info("Passivation of {} asked by {}: {}", key, operator, outcome));
        if (!queued) {
            audit.info("Passivation of {} asked by {}: not live", key, operator);
            return error(404, "the instance is not live");
        }
        ObjectNode body = json.nodes().objectNode();
        body.put("status", "queued");
        return new Reply(202, JSON, json.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    /** The registered instance {@code actor} and {@code id} name, or {@code null}. */
    private InstanceKey key(Map<String, String> query) {
        String actor = query.get("actor");
        String id = query.get("id");
        if (actor == null || id == null || id.isEmpty() || host.registry().type(actor) == null) {
            return null;
        }
        return new InstanceKey(actor, id);
    }


    private Reply ok(ObjectNode body) {
        return new Reply(200, JSON, json.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    private Reply notAllowed() {
        return error(405, "method not allowed here");
    }

    private Reply error(int status, String message) {
        ObjectNode body = json.nodes().objectNode();
        body.put("error", message);
        return new Reply(status, JSON, json.toJson(body).getBytes(StandardCharsets.UTF_8));
    }
}
