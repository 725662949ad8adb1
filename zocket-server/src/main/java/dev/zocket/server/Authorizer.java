package dev.zocket.server;

/**
 * Decides, in code, whether a client may call a method or subscribe to an instance. Consulted
 * for every {@code rpc}, {@code state:sub} and {@code event:sub}, before any instance is looked
 * up or created, together with the access policy file and the contract's security annotations:
 * any {@link Decision#DENY} wins; otherwise any {@link Decision#ALLOW} admits; when every form
 * abstains, a strict policy denies and otherwise the request is admitted.
 *
 * <p>Runs on a transport thread, for every message: it must be quick and must not block. An
 * authorizer that throws denies (and the exception is logged).
 *
 * <pre>{@code
 * ZocketServer.builder().authorizer(request -> request.actor().equals("admin")
 *         && !request.caller().roles().contains("admin") ? Authorizer.Decision.DENY : Authorizer.Decision.ABSTAIN)
 * }</pre>
 */
@FunctionalInterface
public interface Authorizer {

    /** What an authorizer says about one request. */
    enum Decision {
        /** Admit, unless another form denies. */
        ALLOW,
        /** Refuse with {@code forbidden}, whatever the other forms say. */
        DENY,
        /** No opinion: the other forms, or the policy's mode, decide. */
        ABSTAIN
    }

    /** The decision for {@code request}; never {@code null}. */
    Decision authorize(AccessRequest request);
}
