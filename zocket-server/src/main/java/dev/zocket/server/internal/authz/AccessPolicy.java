package dev.zocket.server.internal.authz;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zocket.server.AccessRequest;
import dev.zocket.server.Authorizer.Decision;
import java.util.List;

/**
 * An access policy file, read: its mode and rules. A deny rule that applies to the request and
 * is held by the caller denies; otherwise an allow rule that applies and is held allows; otherwise
 * the policy abstains, and its mode decides once every other form has abstained too.
 *
 * @param mode strict (deny what nothing allows) or permissive (allow what nothing denies)
 * @param rules the rules, in any order: the outcome does not depend on it
 */
public record AccessPolicy(Mode mode, List<PolicyRule> rules) {

    /** What happens to a request no form decides. */
    public enum Mode {
        @JsonProperty("strict") STRICT,
        @JsonProperty("permissive") PERMISSIVE
    }

    public AccessPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("\"mode\" is required: \"strict\" or \"permissive\"");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    Decision decide(AccessRequest request) {
        boolean allowed = false;
        for (PolicyRule rule : rules) {
            if (rule.appliesTo(request) && rule.heldBy(request.caller())) {
                if (rule.effect() == PolicyRule.Effect.DENY) {
                    return Decision.DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.ABSTAIN;
    }

    boolean strict() {
        return mode == Mode.STRICT;
    }
}
