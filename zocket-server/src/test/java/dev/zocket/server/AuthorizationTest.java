package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.CounterActor;
import dev.zocket.server.fixtures.CounterBinding;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.spi.AccessRules;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.EventSink;
import dev.zocket.spi.EventTarget;
import dev.zocket.spi.MethodDescriptor;
import dev.zocket.spi.MethodDispatcher;
import dev.zocket.spi.RoleRule;
import dev.zocket.spi.StateDiffer;
import dev.zocket.server.fixtures.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Authorization over real sockets: each access kind allowed and denied, by the policy file, by
 * contract role rules and by an authorizer; refusals create nothing and give nothing away.
 */
@Timeout(60)
class AuthorizationTest {

    /** Owners use their own counter; viewers read public ones; acme's tenant hears events; suspended users never reset. */
    static final String POLICY = """
            {
              "mode": "strict",
              "rules": [
                {"actor": "counter", "id": "{userId}"},
                {"actor": "counter", "id": "public-*", "access": ["call"], "methods": ["increment", "whoAmI"]},
                {"actor": "counter", "id": "public-*", "access": ["state"], "role": "viewer"},
                {"actor": "counter", "access": ["events"], "claims": {"tenant": "acme"}},
                {"actor": "*", "methods": ["reset"], "role": "suspended", "effect": "deny"}
              ]
            }
            """;

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();

    private ZocketServer.Builder builder() {
        return ZocketServer.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(Map.of())
                .authenticator(request -> request.queryParameter("token")
                        .map(AuthorizationTest::principal)
                        .orElse(Principal.anonymous()));
    }

    /** {@code alice} views and belongs to acme; {@code mallory} is suspended; anyone else has nothing. */
    private static Principal principal(String token) {
        return switch (token) {
            case "alice" -> Principal.user("alice", Map.of("tenant", "acme")).withRoles("viewer");
            case "mallory" -> Principal.user("mallory", Map.of("roles", "suspended"));
            default -> Principal.user(token, Map.of());
        };
    }

    private ZocketServer policyServer() throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, POLICY);
        return builder().accessPolicy(file)
                .actor(CounterBinding.INSTANCE, context -> new CounterActor(context, recorder))
                .start();
    }

    @Test
    void callsFollowThePolicy() throws Exception {
        try (ZocketServer server = policyServer();
                RawClient bob = RawClient.connect(server.url() + "/?token=bob");
                RawClient anonymous = RawClient.connect(server.url() + "/")) {
            assertEquals(1, bob.call("counter", "bob", "increment", null).get("result").asInt(), "own counter");
            assertEquals(1, bob.call("counter", "public-1", "increment", null).get("result").asInt(), "listed method");
            assertForbidden(bob.call("counter", "public-1", "reset", null));
            assertForbidden(bob.call("counter", "alice", "increment", null));
            assertForbidden(anonymous.call("counter", "bob", "increment", null));
            assertEquals(2, server.metrics().liveInstances(), "only the allowed calls created instances");
        }
    }

    @Test
    void stateSubscriptionsFollowThePolicy() throws Exception {
        try (ZocketServer server = policyServer();
                RawClient alice = RawClient.connect(server.url() + "/?token=alice");
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            alice.subscribe("state:sub", "counter", "public-1");
            assertEquals("state:snapshot", alice.next().get("type").asString());
            bob.subscribe("state:sub", "counter", "public-1");
            assertForbiddenError(bob.next(), "state:sub", "public-1");
            bob.subscribe("state:sub", "counter", "bob");
            assertEquals("state:snapshot", bob.next().get("type").asString(), "own counter");
        }
    }

    @Test
    void eventSubscriptionsFollowThePolicy() throws Exception {
        try (ZocketServer server = policyServer();
                RawClient alice = RawClient.connect(server.url() + "/?token=alice");
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            alice.subscribe("event:sub", "counter", "public-1");
            bob.subscribe("event:sub", "counter", "public-1");
            assertForbiddenError(bob.next(), "event:sub", "public-1");
            alice.sync("public-1"); // alice's subscription is in place before bob calls
            bob.call("counter", "public-1", "increment", null);
            JsonNode changed;
            do {
                changed = alice.next("event");
            } while (!changed.get("event").asString().equals("changed"));
            assertEquals(1, changed.get("payload").get("count").asInt(), "alice hears public-1's events");
            assertNull(bob.poll(200), "bob heard nothing but his answer");
        }
    }

    @Test
    void aDeniedCallCreatesNoInstanceAndRunsNoHook() throws Exception {
        try (ZocketServer server = policyServer();
                RawClient mallory = RawClient.connect(server.url() + "/?token=mallory")) {
            for (int i = 0; i < 200; i++) {
                assertForbidden(mallory.call("counter", "secret-" + i, "increment", null));
                mallory.subscribe(i % 2 == 0 ? "state:sub" : "event:sub", "counter", "secret-" + i);
                assertEquals("forbidden", mallory.next().get("code").asString());
            }
            assertForbidden(mallory.call("counter", "mallory", "reset", null)); // an explicit deny beats the owner rule
            assertEquals(0, server.metrics().liveInstances());
            assertTrue(recorder.records().isEmpty(), "no hook ran: " + recorder.records());
        }
    }

    @Test
    void refusalsSayNothingAboutWhatExists() throws Exception {
        try (ZocketServer server = policyServer();
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            bob.call("counter", "public-live", "increment", null); // this instance exists now
            JsonNode known = bob.call("counter", "public-live", "add", "{\"amount\":1}");
            JsonNode unknown = bob.call("counter", "public-live", "noSuchMethod", null);
            JsonNode missingInstance = bob.call("counter", "public-never", "add", "{\"amount\":1}");
            assertEquals(withoutId(known), withoutId(unknown), "unknown method answers like a forbidden one");
            assertEquals(withoutId(known), withoutId(missingInstance), "a missing instance answers like a live one");
            bob.subscribe("state:sub", "counter", "public-live");
            JsonNode live = bob.next();
            bob.subscribe("state:sub", "counter", "public-never");
            JsonNode never = bob.next();
            assertEquals(live.get("message"), never.get("message"));
            assertEquals(live.get("code"), never.get("code"));
        }
    }

    @Test
    void anUnknownMethodIsStillNotFoundForACallerAllowedEverything() throws Exception {
        try (ZocketServer server = policyServer();
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            JsonNode unknown = bob.call("counter", "bob", "noSuchMethod", null);
            assertEquals("not_found", unknown.get("code").asString());
        }
    }

    @Test
    void contractRoleRulesAreCheckedAgainstTheRolesClaim() throws Exception {
        AccessRules rules = new AccessRules() {
            @Override
            public RoleRule call(String method) {
                return switch (method) {
                    case "reset" -> RoleRule.rolesAllowed(Set.of("admin"));
                    case "fail" -> RoleRule.denyAll();
                    case "whoAmI" -> RoleRule.permitAll();
                    default -> RoleRule.unrestricted();
                };
            }

            @Override
            public RoleRule subscribe() {
                return RoleRule.rolesAllowed(Set.of("viewer", "admin"));
            }
        };
        try (ZocketServer server = builder()
                        .authenticator(request -> request.queryParameter("token")
                                .map(token -> token.equals("root") ? Principal.user("root", Map.of()).withRoles("admin")
                                        : principal(token))
                                .orElse(Principal.anonymous()))
                        .actor(new Annotated(rules), context -> new CounterActor(context, recorder))
                        .start();
                RawClient root = RawClient.connect(server.url() + "/?token=root");
                RawClient alice = RawClient.connect(server.url() + "/?token=alice");
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            assertFalse(root.call("counter", "c", "reset", null).has("error"), "admin may reset");
            assertForbidden(bob.call("counter", "c", "reset", null));
            assertForbidden(root.call("counter", "c", "fail", "{\"message\":\"x\",\"asRpcException\":true}"));
            assertFalse(bob.call("counter", "c", "increment", null).has("error"), "no annotation, no policy: allowed");
            alice.subscribe("state:sub", "counter", "c");
            assertEquals("state:snapshot", alice.next().get("type").asString(), "viewer may subscribe");
            bob.subscribe("event:sub", "counter", "c");
            assertForbiddenError(bob.next(), "event:sub", "c");
        }
    }

    @Test
    void anAuthorizerDecidesAndAnyDenyWins() throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, POLICY);
        try (ZocketServer server = builder().accessPolicy(file)
                        .authorizer(request -> request.actorId().startsWith("public-") && request.caller().userId().isEmpty()
                                ? Authorizer.Decision.DENY : Authorizer.Decision.ABSTAIN)
                        .authorizer(request -> request.actorId().equals("lobby")
                                ? Authorizer.Decision.ALLOW : Authorizer.Decision.ABSTAIN)
                        .authorizer(request -> {
                            if (request.actorId().equals("broken")) {
                                throw new IllegalStateException("authorizer bug");
                            }
                            return Authorizer.Decision.ABSTAIN;
                        })
                        .actor(CounterBinding.INSTANCE, context -> new CounterActor(context, recorder))
                        .start();
                RawClient anonymous = RawClient.connect(server.url() + "/");
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            assertForbidden(anonymous.call("counter", "public-1", "increment", null));
            assertFalse(bob.call("counter", "public-1", "increment", null).has("error"));
            assertFalse(anonymous.call("counter", "lobby", "increment", null).has("error"), "an authorizer allowed it");
            assertForbidden(bob.call("counter", "broken", "increment", null));
        }
    }

    @Test
    void thePolicyFileCanBeNamedByTheEnvironment() throws Exception {
        Path file = dir.resolve("env-policy.json");
        Files.writeString(file, "{\"mode\": \"strict\", \"rules\": []}");
        try (ZocketServer server = builder().environment(Map.of(ZocketBuilder.ACCESS_POLICY_VARIABLE, file.toString()))
                        .actor(CounterBinding.INSTANCE, context -> new CounterActor(context, recorder))
                        .start();
                RawClient bob = RawClient.connect(server.url() + "/?token=bob")) {
            assertForbidden(bob.call("counter", "bob", "increment", null));
        }
    }

    private static void assertForbidden(JsonNode result) {
        assertEquals("forbidden", result.get("code").asString(), result.toString());
        assertEquals("Access denied", result.get("error").asString());
    }

    private static void assertForbiddenError(JsonNode error, String request, String actorId) {
        assertEquals("error", error.get("type").asString(), error.toString());
        assertEquals("forbidden", error.get("code").asString());
        assertEquals("Access denied", error.get("message").asString());
        assertEquals(request, error.get("request").asString());
        assertEquals(actorId, error.get("actorId").asString());
    }

    private static String withoutId(JsonNode result) {
        return result.get("type").asString() + " " + result.get("code") + " " + result.get("error");
    }

    /** The counter's generated binding with other role rules, standing in for a contract's annotations. */
    private record Annotated(AccessRules rules) implements ActorBinding<Counter, Counter.State, Counter.Events> {
        @Override
        public String actorName() {
            return CounterBinding.INSTANCE.actorName();
        }

        @Override
        public Class<Counter> contract() {
            return CounterBinding.INSTANCE.contract();
        }

        @Override
        public Counter.State initialState() {
            return CounterBinding.INSTANCE.initialState();
        }

        @Override
        public MethodDispatcher<Counter> dispatcher() {
            return CounterBinding.INSTANCE.dispatcher();
        }

        @Override
        public StateDiffer<Counter.State> differ() {
            return CounterBinding.INSTANCE.differ();
        }

        @Override
        public Counter.Events emitter(EventSink sink, EventTarget target) {
            return CounterBinding.INSTANCE.emitter(sink, target);
        }

        @Override
        public List<MethodDescriptor> methods() {
            return CounterBinding.INSTANCE.methods();
        }

        @Override
        public AccessRules accessRules() {
            return rules;
        }
    }
}
