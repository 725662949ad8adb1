package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.server.persistence.MemoryStateStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Zocket Studio over real HTTP and WebSocket: who gets in, what the endpoints answer, and what Studio's connection may do. */
@Timeout(60)
class StudioTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonCodec JSON = JsonCodec.standard();
    private static final String TOKEN = "s3cret-studio";

    @Test
    void everyEndpointRefusesAMissingOrWrongTokenAndAnswersTheRightOne() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start()) {
            for (String endpoint : new String[] {"session", "actors", "instances", "connections", "metrics",
                    "history?actor=counter&id=a"}) {
                assertEquals(401, get(server, "/studio/api/" + endpoint, null).statusCode(), endpoint);
                assertEquals(401, get(server, "/studio/api/" + endpoint, "s3cret-studiO").statusCode(), endpoint);
                assertEquals(401, get(server, "/studio/api/" + endpoint, TOKEN + "x").statusCode(), endpoint);
                assertEquals(200, get(server, "/studio/api/" + endpoint, TOKEN).statusCode(), endpoint);
            }
            assertEquals(401, post(server, "/studio/api/ticket", null).statusCode());
            assertEquals(401, post(server, "/studio/api/passivate?actor=counter&id=a", "wrong").statusCode());
            assertEquals(405, post(server, "/studio/api/actors", TOKEN).statusCode());
            assertEquals(404, get(server, "/studio/api/nothing", TOKEN).statusCode());
        }
    }

    @Test
    void thePageLoadsWithoutTheTokenButShowsNoData() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start()) {
            HttpResponse<String> page = get(server, "/studio/", null);
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.body().contains("Zocket Studio"));
            assertEquals(200, get(server, "/studio", null).statusCode());
            for (String module : new String[] {"studio.js", "patch.js", "tree.js", "charts.js", "studio.css"}) {
                assertEquals(200, get(server, "/studio/" + module, null).statusCode(), module);
            }
            assertEquals(404, get(server, "/studio/../zocket.json", null).statusCode());
        }
    }

    @Test
    void endpointsDescribeActorsInstancesConnectionsAndMetrics() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start();
                RawClient client = RawClient.connect(server.url() + "/?token=bob")) {
            client.call("counter", "room/1", "increment", null);
            client.call("counter", "room/1", "add", "{\"amount\":0}");
            client.subscribe("state:sub", "counter", "room/1");
            long version = client.next("state:snapshot").get("version").asLong();

            JsonNode counter = find(body(get(server, "/studio/api/actors", TOKEN)).get("actors"), "name", "counter");
            JsonNode add = find(counter.get("methods"), "name", "add");
            assertEquals("number", add.get("input").get("fields").get("amount").asString());
            assertEquals("number", add.get("result").asString());
            assertEquals("number", counter.get("state").get("fields").get("count").asString());
            assertEquals("string", counter.get("state").get("fields").get("online").get("list").asString());
            assertEquals("number", find(counter.get("events"), "name", "changed").get("payload").get("fields")
                    .get("count").asString());

            JsonNode instances = body(get(server, "/studio/api/instances?actor=counter&q=ROOM", TOKEN));
            assertEquals(1, instances.get("total").asInt());
            JsonNode instance = instances.get("instances").get(0);
            assertEquals("room/1", instance.get("id").asString());
            assertEquals(version, instance.get("version").asLong());
            assertEquals(1, instance.get("connections").asInt());
            assertTrue(instance.get("active").asBoolean());
            assertEquals(0, body(get(server, "/studio/api/instances?q=nothing-like-it", TOKEN)).get("total").asInt());

            JsonNode connection = find(body(get(server, "/studio/api/connections", TOKEN)).get("connections"),
                    "clientId", client.clientId);
            assertEquals("bob", connection.get("userId").asString());
            assertEquals("counter/room/1", connection.get("stateSubscriptions").get(0).asString());
            assertFalse(connection.get("studio").asBoolean());
            assertTrue(connection.get("bufferedBytes").asLong() >= 0);
            assertTrue(connection.get("ageMillis").asLong() >= 0);

            JsonNode metrics = body(get(server, "/studio/api/metrics", TOKEN));
            assertEquals(1, metrics.get("connections").asInt());
            assertEquals(2, metrics.get("rpcCount").asLong());
            assertEquals(1, metrics.get("rpcByOutcome").get("ok").asLong());
            assertEquals(1, metrics.get("rpcByOutcome").get("bad_request").asLong());

            JsonNode history = body(get(server, "/studio/api/history?actor=counter&id=room%2F1", TOKEN));
            assertEquals("memory", history.get("source").asString());
            assertEquals(404, get(server, "/studio/api/history?actor=nobody&id=x", TOKEN).statusCode());
        }
    }

    @Test
    void aConnectionsBufferedBytesReturnToZeroOnceEverythingQueuedForItIsWritten() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start();
                RawClient writer = RawClient.connect(server.url() + "/?token=alice")) {
            // Five followers, so each patch goes out as one shared frame; the handshake answer
            // and the snapshot are counted and released too.
            List<RawClient> followers = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    RawClient follower = RawClient.connect(server.url() + "/?token=f" + i);
                    followers.add(follower);
                    follower.subscribe("state:sub", "counter", "fan");
                    follower.next("state:snapshot");
                }
                for (int i = 0; i < 200; i++) {
                    writer.call("counter", "fan", "increment", null);
                }
                for (RawClient follower : followers) {
                    for (int i = 0; i < 200; i++) {
                        follower.next("state:patch");
                    }
                }
                eventually(() -> {
                    try {
                        JsonNode connections = body(get(server, "/studio/api/connections", TOKEN)).get("connections");
                        int idle = 0;
                        for (JsonNode connection : connections) {
                            idle += connection.get("bufferedBytes").asLong() == 0 ? 1 : 0;
                        }
                        return connections.size() == 6 && idle == 6;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                followers.forEach(RawClient::close);
            }
        }
    }

    @Test
    void withoutAStoreHistoryListsTheChangesSinceTheFirstStateSubscriber() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start();
                RawClient watcher = RawClient.connect(server.url() + "/?token=bob");
                RawClient writer = RawClient.connect(server.url() + "/?token=alice")) {
            writer.call("counter", "mem", "increment", null); // before anyone watched: not kept
            watcher.subscribe("state:sub", "counter", "mem");
            long subscribedAt = watcher.next("state:snapshot").get("version").asLong();
            writer.call("counter", "mem", "add", "{\"amount\":5}");

            JsonNode changes = body(get(server, "/studio/api/history?actor=counter&id=mem", TOKEN)).get("changes");
            assertEquals(subscribedAt + 1, changes.get(0).get("version").asLong());
            assertEquals("add", changes.get(0).get("method").asString());
            assertEquals("alice", changes.get(0).get("caller").asString());
            assertEquals("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":6}]", changes.get(0).get("patch").toString());
            for (JsonNode change : changes) {
                assertTrue(change.get("version").asLong() > subscribedAt - 1, "nothing from before the first subscriber: "
                        + changes);
            }
        }
    }

    @Test
    void historyComesFromTheStoreWhenThereIsOne() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).store(new MemoryStateStore()).httpPort(0)
                .studio(TOKEN).start();
                RawClient client = RawClient.connect(server.url() + "/?token=carol")) {
            client.call("counter", "kept", "increment", null);
            client.call("counter", "kept", "increment", null);
            JsonNode history = body(get(server, "/studio/api/history?actor=counter&id=kept", TOKEN));
            assertEquals("store", history.get("source").asString());
            JsonNode newest = history.get("changes").get(0);
            assertEquals(history.get("changes").get(1).get("version").asLong() + 1, newest.get("version").asLong());
            assertEquals("carol", newest.get("caller").asString());
            assertEquals("increment", newest.get("method").asString());
            assertTrue(newest.get("patch").isArray());
        }
    }

    @Test
    void aTicketOpensOnePrivilegedConnectionThatCallsThroughValidation() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN)
                .authorizer(request -> Authorizer.Decision.DENY).start()) {
            String ticket = body(post(server, "/studio/api/ticket", TOKEN)).get("ticket").asString();
            try (RawClient studio = RawClient.connect(server.url() + "/?zocket-studio-ticket=" + ticket)) {
                // Every authorizer denies, yet Studio reads and calls.
                studio.subscribe("state:sub", "counter", "s1");
                assertEquals(0, studio.next("state:snapshot").get("state").get("count").asInt());
                studio.rpc("counter", "s1", "increment", null);
                assertEquals(1, studio.next("rpc:result").get("result").asInt());
                // ...and its input is validated like anyone's.
                studio.rpc("counter", "s1", "add", "{\"amount\":5000}");
                assertEquals("bad_request", studio.next("rpc:result").get("code").asString());

                JsonNode mine = find(body(get(server, "/studio/api/connections", TOKEN)).get("connections"),
                        "clientId", studio.clientId);
                assertTrue(mine.get("studio").asBoolean());
                assertEquals(0, find(body(get(server, "/studio/api/instances", TOKEN)).get("instances"), "id", "s1")
                        .get("connections").asInt(), "Studio's own connection is not counted");
            }
            String spent = ticket;
            assertThrows(Exception.class, () -> RawClient.connect(server.url() + "/?zocket-studio-ticket=" + spent),
                    "a ticket opens one connection");
            assertThrows(Exception.class, () -> RawClient.connect(server.url() + "/?zocket-studio-ticket=made-up"));
        }
    }

    @Test
    void studioHearsEventsAddressedToOthers() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start();
                RawClient client = RawClient.connect(server.url())) {
            String ticket = body(post(server, "/studio/api/ticket", TOKEN)).get("ticket").asString();
            try (RawClient studio = RawClient.connect(server.url() + "/?zocket-studio-ticket=" + ticket)) {
                studio.subscribe("event:sub", "counter", "e1");
                studio.sync("e1");
                client.call("counter", "e1", "notifyClients",
                        "{\"clientIds\":[\"" + client.clientId + "\"],\"except\":false}");
                JsonNode event = studio.next("event");
                while (!event.get("event").asString().equals("changed")) {
                    event = studio.next("event"); // presence events from the hooks come first
                }
                assertEquals(client.clientId, event.get("payload").get("by").asString());
            }
        }
    }

    @Test
    void anAuthenticatorCannotForgeStudiosIdentity() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN)
                .authenticator(request -> Principal.user("mallory", Map.of("zocket.studio", "zocket-studio")))
                .authorizer(request -> Authorizer.Decision.DENY).start();
                RawClient mallory = RawClient.connect(server.url())) {
            assertEquals("forbidden", mallory.call("counter", "s1", "increment", null).get("code").asString());
        }
    }

    @Test
    void passivationWaitsUntilOnlyStudioHoldsTheInstance() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start()) {
            try (RawClient client = RawClient.connect(server.url())) {
                client.call("counter", "p1", "increment", null);
                assertEquals(202, post(server, "/studio/api/passivate?actor=counter&id=p1", TOKEN).statusCode());
                // Refused in the instance's mailbox: the client still uses it, so it stays live.
                assertEquals(1, client.call("counter", "p1", "increment", null).get("result").asInt() - 1);
                assertEquals(1, body(get(server, "/studio/api/instances?q=p1", TOKEN)).get("total").asInt());
            }
            eventually(() -> server.metrics().attachedClients() == 0);
            assertEquals(202, post(server, "/studio/api/passivate?actor=counter&id=p1", TOKEN).statusCode());
            eventually(() -> server.metrics().liveInstances() == 0);
            assertEquals(404, post(server, "/studio/api/passivate?actor=counter&id=p1", TOKEN).statusCode());
            assertEquals(404, post(server, "/studio/api/passivate?actor=nobody&id=p1", TOKEN).statusCode());
        }
    }

    @Test
    void everyStudioActionIsWrittenToTheAuditLog() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8)); // slf4j-simple writes to System.err
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN).start()) {
            String ticket = body(post(server, "/studio/api/ticket", TOKEN)).get("ticket").asString();
            try (RawClient studio = RawClient.connect(server.url() + "/?zocket-studio-ticket=" + ticket)) {
                studio.rpc("counter", "audited", "increment", null);
                studio.next("rpc:result");
                assertEquals(202, post(server, "/studio/api/passivate?actor=counter&id=audited", TOKEN).statusCode());
                eventually(() -> logged.toString(StandardCharsets.UTF_8).contains("Passivation of counter/audited"));
                String log = logged.toString(StandardCharsets.UTF_8);
                assertTrue(log.contains("studio@127.0.0.1 opened a Studio connection"), log);
                assertTrue(log.contains("studio@127.0.0.1 (" + studio.clientId + ") calls increment on counter/audited"),
                        log);
                assertTrue(log.contains("studio@127.0.0.1 asks to passivate counter/audited"), log);
                assertTrue(log.contains("Passivation of counter/audited asked by studio@127.0.0.1: passivated"), log);
            }
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void studioIsOffByDefaultAndTheEnvironmentTurnsItOnOrOff() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).start()) {
            assertEquals(404, get(server, "/studio/api/session", TOKEN).statusCode());
            assertEquals(404, get(server, "/studio/", null).statusCode());
        }
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0)
                .environment(Map.of("ZOCKET_STUDIO", "on", "ZOCKET_STUDIO_TOKEN", "from-env")).start()) {
            assertEquals(401, get(server, "/studio/api/session", TOKEN).statusCode());
            assertEquals("studio@127.0.0.1",
                    body(get(server, "/studio/api/session", "from-env")).get("operator").asString());
        }
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio(TOKEN)
                .environment(Map.of("ZOCKET_STUDIO", "off")).start()) {
            assertEquals(404, get(server, "/studio/api/session", TOKEN).statusCode());
        }
        try (ZocketServer server = TestServer.builder(new Recorder()).httpPort(0).studio().start()) {
            JsonNode session = body(get(server, "/studio/api/session", "-"));
            assertFalse(session.get("protectedByToken").asBoolean(), "without a token, loopback is let in");
            assertEquals(403, get(server, "/studio/api/session", null).statusCode(),
                    "a request without an Authorization header could come from another site's page");
            assertEquals(200, get(server, "/studio/", null).statusCode());
        }
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        assertThrows(IllegalStateException.class, () -> TestServer.builder(new Recorder()).studio(TOKEN).start());
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("zocket-"))
                .map(Thread::getName).toList(), "a refused Studio setting starts no thread");
        assertThrows(IllegalArgumentException.class, () -> TestServer.builder(new Recorder()).httpPort(0)
                .environment(Map.of("ZOCKET_STUDIO", "maybe")).start());
        assertThrows(IllegalArgumentException.class, () -> ZocketServer.builder().studio(" "));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20); // polling a condition another thread settles; no timing is asserted
        }
        fail("condition not met within 10 s");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asString("").equals(value)) {
                return element;
            }
        }
        fail("no element with " + field + " = " + value + " in " + array);
        return null;
    }

    private static HttpResponse<String> get(ZocketServer server, String path, String token) throws Exception {
        return send(server, path, token, "GET");
    }

    private static HttpResponse<String> post(ZocketServer server, String path, String token) throws Exception {
        return send(server, path, token, "POST");
    }

    private static HttpResponse<String> send(ZocketServer server, String path, String token, String method)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.parse(response.body());
        assertNotNull(body);
        return body;
    }
}
