package dev.zocket.server.internal.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.AccessKind;
import dev.zocket.server.AccessRequest;
import dev.zocket.server.Authorizer.Decision;
import dev.zocket.server.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyFilesTest {

    private static final Caller ALICE = new Caller("c1", Optional.of("alice"), Map.of("roles", List.of("mod"), "tenant", "acme"));
    private static final Caller ANONYMOUS = new Caller("c2", Optional.empty(), Map.of());

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> PolicyFiles.parse(json, "policy.json")).getMessage();
    }

    @Test
    void anUnknownAccessKindNamesItsLineAndField() {
        String message = error("""
                {
                  "mode": "strict",
                  "rules": [
                    {"actor": "chat"},
                    {"actor": "chat",
                     "access": ["call", "write"]}
                  ]
                }
                """);
        assertEquals("policy.json line 6, field rules[1].access[1]: \"write\" is not allowed here; "
                + "expected one of [call, state, events]", message);
    }

    @Test
    void anUnknownFieldIsNamed() {
        String message = error("{\n\"mode\": \"strict\",\n\"rules\": [{\"actor\": \"chat\", \"method\": [\"x\"]}]}");
        assertEquals("policy.json line 3, field rules[0].method: unknown field \"method\"; the fields here are "
                + "[access, actor, claims, effect, id, methods, role]", message);
    }

    @Test
    void aBadModeIsNamed() {
        String message = error("{\n  \"mode\": \"lenient\"\n}");
        assertEquals("policy.json line 2, field mode: \"lenient\" is not allowed here; expected one of [strict, permissive]",
                message);
    }

    @Test
    void aBadIdPatternExplainsItself() {
        String message = error("{\"mode\": \"strict\", \"rules\": [\n {\"actor\": \"inbox\", \"id\": \"inbox/{user}\"}]}");
        assertTrue(message.startsWith("policy.json line 2, field rules[0].id: unknown placeholder"), message);
    }

    @Test
    void aRuleWithoutActorOrAPolicyWithoutModeIsRefused() {
        assertTrue(error("{\"mode\": \"strict\", \"rules\": [{\"id\": \"x\"}]}").contains("\"actor\" is required"));
        assertTrue(error("{\"rules\": []}").contains("\"mode\" is required"));
        assertTrue(error("{\"mode\": \"strict\", \"rules\": [{\"actor\": \"a\", \"access\": [\"state\"], \"methods\": [\"m\"]}]}")
                .contains("\"methods\" applies to calls"));
    }

    @Test
    void brokenJsonNamesItsLine() {
        String message = error("{\n\"mode\": \"strict\",\n\"rules\": [\n{\"actor\" \"chat\"}]}");
        assertTrue(message.startsWith("policy.json line 4"), message);
        assertTrue(error("").startsWith("policy.json"), "an empty file is refused");
        assertTrue(error("{\"mode\": \"strict\", \"mode\": \"permissive\"}").contains("mode"));
    }

    @Test
    void theCallersOwnIdFillsThePattern() {
        AccessPolicy policy = PolicyFiles.parse("""
                {"mode": "strict", "rules": [{"actor": "inbox", "id": "inbox/{userId}"}]}
                """, "p");
        assertEquals(Decision.ALLOW, policy.decide(AccessRequest.call(ALICE, "inbox", "inbox/alice", "read")));
        assertEquals(Decision.ABSTAIN, policy.decide(AccessRequest.call(ALICE, "inbox", "inbox/bob", "read")));
        assertEquals(Decision.ABSTAIN, policy.decide(AccessRequest.call(ANONYMOUS, "inbox", "inbox/", "read")));
        assertEquals(Decision.ABSTAIN, policy.decide(AccessRequest.call(ALICE, "inbox", "inbox/alice2", "read")));
    }

    @Test
    void aWildcardInAUserIdIsLiteral() {
        Caller star = new Caller("c3", Optional.of("*"), Map.of());
        IdPattern own = IdPattern.parse("inbox/{userId}");
        assertTrue(own.matches("inbox/*", star.userId()));
        assertFalse(own.matches("inbox/alice", star.userId()));
    }

    @Test
    void patternsMatchPrefixesAndInnerWildcards() {
        IdPattern pattern = IdPattern.parse("room-*-private");
        assertTrue(pattern.matches("room-1-private", Optional.empty()));
        assertTrue(pattern.matches("room--private", Optional.empty()));
        assertFalse(pattern.matches("room-1-public", Optional.empty()));
        assertTrue(IdPattern.parse("private-*").matches("private-", Optional.empty()));
        assertFalse(IdPattern.parse("private-*").matches("xprivate-", Optional.empty()));
        assertTrue(IdPattern.parse("*a*b").matches("xxaxxab", Optional.empty()));
        assertFalse(IdPattern.parse("*a*b").matches("a".repeat(200), Optional.empty()));
    }

    @Test
    void rolesClaimsAndDenyRulesDecide() {
        AccessPolicy policy = PolicyFiles.parse("""
                {"mode": "permissive", "rules": [
                  {"actor": "chat", "access": ["state", "events"], "role": "mod"},
                  {"actor": "chat", "methods": ["ban"], "claims": {"tenant": "other"}},
                  {"actor": "*", "id": "secret-*", "effect": "deny"}
                ]}
                """, "p");
        assertEquals(Decision.ALLOW, policy.decide(AccessRequest.subscribe(ALICE, "chat", "x", AccessKind.STATE)));
        assertEquals(Decision.ABSTAIN, policy.decide(AccessRequest.subscribe(ANONYMOUS, "chat", "x", AccessKind.EVENTS)));
        assertEquals(Decision.ABSTAIN, policy.decide(AccessRequest.call(ALICE, "chat", "x", "ban")), "wrong tenant");
        assertEquals(Decision.DENY, policy.decide(AccessRequest.subscribe(ALICE, "chat", "secret-1", AccessKind.STATE)));
        assertFalse(policy.strict());
    }
}
