package dev.zocket.server.internal.authz;

import dev.zocket.server.AccessRequest;
import dev.zocket.server.Authorizer;
import dev.zocket.server.Authorizer.Decision;
import dev.zocket.spi.AccessRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three forms of authorization combined into one answer: the contract's role rules, the
 * access policy file and the programmatic authorizers. Any deny wins; otherwise any allow admits;
 * when all abstain, a strict policy denies and anything else admits. Without a policy,
 * annotations or authorizers, everything is admitted, as before authorization existed.
 */
public final class Authorization {

    private static final Logger LOG = LoggerFactory.getLogger(Authorization.class);

    /** Admits everything that no contract annotation refuses. */
    public static final Authorization NONE = new Authorization(Optional.empty(), List.of());

    private final Optional<AccessPolicy> policy;
    private final List<Authorizer> authorizers;
    /** Requests admitted before anything else is asked (Studio's), or {@code null}. */
    private final Predicate<AccessRequest> privileged;
    /** Failures already logged, by authorizer and exception class: a client repeating a request cannot flood the log. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public Authorization(Optional<AccessPolicy> policy, List<Authorizer> authorizers) {
        this(policy, authorizers, null);
    }

    private Authorization(Optional<AccessPolicy> policy, List<Authorizer> authorizers,
            Predicate<AccessRequest> privileged) {
        this.policy = policy;
        this.authorizers = List.copyOf(authorizers);
        this.privileged = privileged;
    }

    /**
     * This authorization, admitting at once what {@code privileged} accepts, whatever the policy,
     * annotations and authorizers would say. For Studio's own connections; the predicate must be
     * quick and must not throw.
     */
    public Authorization withPrivileged(Predicate<AccessRequest> privileged) {
        return new Authorization(policy, authorizers, privileged);
    }

    /** Whether {@code request} may go ahead, given the contract's own {@code rules}. */
    public boolean permits(AccessRequest request, AccessRules rules) {
        if (privileged != null && privileged.test(request)) {
            return true;
        }
        if (policy.isEmpty() && authorizers.isEmpty()) {
            return RoleRules.decide(rules, request) != Decision.DENY; // the common case, without allocating
        }
        List<Decision> decisions = new ArrayList<>(authorizers.size() + 2);
        decisions.add(RoleRules.decide(rules, request));
        policy.ifPresent(p -> decisions.add(p.decide(request)));
        for (Authorizer authorizer : authorizers) {
            decisions.add(ask(authorizer, request));
        }
        if (decisions.contains(Decision.DENY)) {
            return false;
        }
        if (decisions.contains(Decision.ALLOW)) {
            return true;
        }
        return policy.map(p -> !p.strict()).orElse(true);
    }

    /** An authorizer that throws, or answers nothing, denies: failing open would be the worse mistake. */
    private Decision ask(Authorizer authorizer, AccessRequest request) {
        try {
            Decision decision = authorizer.authorize(request);
            if (decision == null) {
                if (reported.add(authorizer.getClass().getName() + " null")) {
                    LOG.warn("An authorizer returned null for {}; denying (reported once)", request);
                }
                return Decision.DENY;
            }
            return decision;
        } catch (RuntimeException e) {
            if (reported.add(authorizer.getClass().getName() + " " + e.getClass().getName())) {
                LOG.warn("An authorizer failed for {}; denying (reported once per exception type)", request, e);
            }
            return Decision.DENY;
        }
    }
}
