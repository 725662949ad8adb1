package dev.zocket.server.internal.authz;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.server.AccessKind;
import dev.zocket.server.AccessRequest;
import dev.zocket.server.Caller;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of an access policy file, as read from JSON. A rule <em>applies</em> to a request when
 * the actor, id, access kind and method match; it then allows (or denies, for
 * {@code "effect": "deny"}) callers that hold its role and claims.
 *
 * @param actor an actor name, or {@code *} for every actor
 * @param id an id pattern, see {@link IdPattern}; every id when absent
 * @param access the kinds of access it covers; all three when absent
 * @param methods the methods it covers; every method when absent. A rule with methods covers calls only.
 * @param role a role the caller must hold (see {@link Caller#roles()}), if any
 * @param claims claims the caller must carry, each equal to the value given (or, for a list claim,
 *     holding it)
 * @param effect allow (the default) or deny
 */
record PolicyRule(String actor, IdPattern id, List<Access> access, List<String> methods, String role,
        Map<String, String> claims, Effect effect) {

    /** The access kinds as the file spells them. */
    enum Access {
        @JsonProperty("call") CALL(AccessKind.CALL),
        @JsonProperty("state") STATE(AccessKind.STATE),
        @JsonProperty("events") EVENTS(AccessKind.EVENTS);

        final AccessKind kind;

        Access(AccessKind kind) {
            this.kind = kind;
        }
    }

    /** What a rule does for the callers it applies to. */
    enum Effect {
        @JsonProperty("allow") ALLOW,
        @JsonProperty("deny") DENY
    }

    PolicyRule {
        if (actor == null || actor.isEmpty()) {
            throw new IllegalArgumentException("\"actor\" is required: an actor name, or \"*\" for every actor");
        }
        id = id == null ? IdPattern.ANY : id;
        access = access == null ? List.of(Access.values()) : List.copyOf(access);
        if (access.isEmpty()) {
            throw new IllegalArgumentException("\"access\" must not be empty: leave it out to cover all kinds");
        }
        methods = methods == null ? null : List.copyOf(methods);
        if (methods != null && !access.contains(Access.CALL)) {
            throw new IllegalArgumentException("\"methods\" applies to calls, but \"access\" does not include \"call\"");
        }
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        effect = effect == null ? Effect.ALLOW : effect;
    }

    /** Whether the rule covers this actor, id, kind and method (whoever asks). */
    boolean appliesTo(AccessRequest request) {
        if (!actor.equals("*") && !actor.equals(request.actor())) {
            return false;
        }
        if (!kinds().contains(request.kind())) {
            return false;
        }
        if (methods != null && (request.kind() != AccessKind.CALL || !methods.contains(request.method().orElseThrow()))) {
            return false;
        }
        return id.matches(request.actorId(), request.caller().userId());
    }

    /** Whether the caller holds the role and claims the rule asks for. */
    boolean heldBy(Caller caller) {
        if (role != null && !caller.roles().contains(role)) {
            return false;
        }
        for (Map.Entry<String, String> claim : claims.entrySet()) {
            Object held = caller.claims().get(claim.getKey());
            boolean holds = held instanceof Collection<?> values ? values.contains(claim.getValue())
                    : Objects.equals(held, claim.getValue());
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private Set<AccessKind> kinds() {
        Set<AccessKind> kinds = EnumSet.noneOf(AccessKind.class);
        for (Access a : access) {
            kinds.add(a.kind);
        }
        return kinds;
    }
}
