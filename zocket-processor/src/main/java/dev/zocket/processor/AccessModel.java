package dev.zocket.processor;

import java.util.List;
import java.util.Map;

/**
 * The role rules a contract declares with Jakarta's security annotations, as the generated
 * {@code accessRules()} returns them.
 *
 * @param contractRule the interface's own annotation: the rule for subscribing, and for every
 *     method without an annotation of its own
 * @param methodRules the methods annotated themselves, in declaration order
 */
record AccessModel(Rule contractRule, Map<String, Rule> methodRules) {

    /** A contract without security annotations: the binding keeps the default {@code AccessRules.NONE}. */
    boolean isEmpty() {
        return contractRule.kind() == Kind.UNRESTRICTED && methodRules.isEmpty();
    }

    /** The rule for calling {@code method}: its own annotation, else the interface's. */
    Rule ruleFor(String method) {
        return methodRules.getOrDefault(method, contractRule);
    }

    /** Which annotation a rule comes from. */
    enum Kind {
        UNRESTRICTED, PERMIT_ALL, DENY_ALL, ROLES_ALLOWED
    }

    /**
     * One rule.
     *
     * @param roles for {@link Kind#ROLES_ALLOWED}, the roles in the order written, without repeats
     */
    record Rule(Kind kind, List<String> roles) {

        static final Rule UNRESTRICTED = new Rule(Kind.UNRESTRICTED, List.of());
        static final Rule PERMIT_ALL = new Rule(Kind.PERMIT_ALL, List.of());
        static final Rule DENY_ALL = new Rule(Kind.DENY_ALL, List.of());

        static Rule rolesAllowed(List<String> roles) {
            return new Rule(Kind.ROLES_ALLOWED, List.copyOf(roles));
        }
    }
}
