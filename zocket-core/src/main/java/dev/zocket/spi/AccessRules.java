package dev.zocket.spi;

/**
 * The role rules of one contract, read by the processor from Jakarta's {@code @PermitAll},
 * {@code @DenyAll} and {@code @RolesAllowed} on the interface and its methods. A method's own
 * annotation wins over the interface's, as in Jakarta EE.
 */
public interface AccessRules {

    /** A contract without security annotations. */
    AccessRules NONE = new AccessRules() {
        @Override
        public RoleRule call(String method) {
            return RoleRule.unrestricted();
        }

        @Override
        public RoleRule subscribe() {
            return RoleRule.unrestricted();
        }
    };

    /** The rule for calling {@code method}: its own annotation, else the interface's. */
    RoleRule call(String method);

    /** The rule for {@code state:sub} and {@code event:sub}: the interface's annotation. */
    RoleRule subscribe();
}
