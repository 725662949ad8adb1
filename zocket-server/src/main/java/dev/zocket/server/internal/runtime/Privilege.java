package dev.zocket.server.internal.runtime;

import dev.zocket.Viewer;
import dev.zocket.server.Caller;
import dev.zocket.server.Principal;
import java.util.Map;

/**
 * The privileged identity Zocket Studio connects with: authorization admits it everywhere, and
 * it receives an instance's whole state, never a view. Only this class can make the mark that
 * carries it: the claim's value is compared by reference, so an authenticator that puts the same
 * text under the same claim name gets an ordinary connection.
 */
public final class Privilege {

    /** The claim that holds the mark. */
    public static final String CLAIM = "zocket.studio";

    /** A string so that handlers which serialise claims can; its identity is what counts. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String MARK = new String("zocket-studio");

    private Privilege() {}

    /** The principal of a Studio connection opened by {@code operator}. */
    public static Principal principal(String operator) {
        return Principal.user(operator, Map.of(CLAIM, MARK));
    }

    /** Whether {@code caller} is a Studio connection. */
    public static boolean holds(Caller caller) {
        return caller != null && caller.claims().get(CLAIM) == MARK;
    }

    static boolean holds(Viewer viewer) {
        return viewer.claims().get(CLAIM) == MARK;
    }
}
