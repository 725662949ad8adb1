package dev.zocket.spi;

import java.util.Objects;
import java.util.Set;

/**
 * Who may use one method or subscription of a contract, as its Jakarta security annotations
 * ({@code @PermitAll}, {@code @DenyAll}, {@code @RolesAllowed}) say. Generated into
 * {@link AccessRules}; the server checks it against the caller's roles before anything runs.
 */
public sealed interface RoleRule {

    /** No annotation applies: the contract leaves the decision to the other authorization forms. */
    static RoleRule unrestricted() {
        return Unrestricted.INSTANCE;
    }

    /** {@code @PermitAll}: every caller, authenticated or not. */
    static RoleRule permitAll() {
        return PermitAll.INSTANCE;
    }

    /** {@code @DenyAll}: nobody. */
    static RoleRule denyAll() {
        return DenyAll.INSTANCE;
    }

    /** {@code @RolesAllowed}: callers holding at least one of {@code roles}. */
    static RoleRule rolesAllowed(Set<String> roles) {
        return new RolesAllowed(roles);
    }

    /** No annotation applies. */
    final class Unrestricted implements RoleRule {
        static final Unrestricted INSTANCE = new Unrestricted();

        private Unrestricted() {}
    }

    /** {@code @PermitAll}. */
    final class PermitAll implements RoleRule {
        static final PermitAll INSTANCE = new PermitAll();

        private PermitAll() {}
    }

    /** {@code @DenyAll}. */
    final class DenyAll implements RoleRule {
        static final DenyAll INSTANCE = new DenyAll();

        private DenyAll() {}
    }

    /** {@code @RolesAllowed}: at least one of the roles. */
    record RolesAllowed(Set<String> roles) implements RoleRule {
        public RolesAllowed {
            roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("@RolesAllowed needs at least one role");
            }
        }
    }
}
