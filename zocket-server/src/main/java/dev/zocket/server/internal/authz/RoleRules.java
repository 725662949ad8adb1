package dev.zocket.server.internal.authz;

import dev.zocket.server.AccessKind;
import dev.zocket.server.AccessRequest;
import dev.zocket.server.Authorizer.Decision;
import dev.zocket.spi.AccessRules;
import dev.zocket.spi.RoleRule;

/** Checks a contract's Jakarta security annotations, as generated into {@link AccessRules}, against a caller's roles. */
final class RoleRules {

    private RoleRules() {}

    /**
     * {@code @PermitAll} allows, {@code @DenyAll} denies, {@code @RolesAllowed} allows a caller
     * holding one of its roles and denies anyone else; no annotation abstains.
     */
    static Decision decide(AccessRules rules, AccessRequest request) {
        RoleRule rule = request.kind() == AccessKind.CALL ? rules.call(request.method().orElseThrow()) : rules.subscribe();
        if (rule instanceof RoleRule.PermitAll) {
            return Decision.ALLOW;
        }
        if (rule instanceof RoleRule.DenyAll) {
            return Decision.DENY;
        }
        if (rule instanceof RoleRule.RolesAllowed allowed) {
            return allowed.roles().stream().anyMatch(request.caller().roles()::contains) ? Decision.ALLOW : Decision.DENY;
        }
        return Decision.ABSTAIN;
    }
}
