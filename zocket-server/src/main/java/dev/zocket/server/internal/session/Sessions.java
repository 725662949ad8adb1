package dev.zocket.server.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections' sessions, by client id, for diagnostics. Touched once when a connection
 * opens and once when it closes, never per message.
 */
public final class Sessions {

    private final Map<String, Session> open = new ConcurrentHashMap<>();

    void opened(Session session) {
        open.put(session.clientId(), session);
    }

    void closed(Session session) {
        open.remove(session.clientId(), session);
    }

    /** A look at every open connection; each is read under its own lock, one at a time. */
    public List<SessionSnapshot> snapshot(long nowNanos) {
        List<SessionSnapshot> snapshots = new ArrayList<>(open.size());
        for (Session session : open.values()) {
            snapshots.add(session.look(nowNanos));
        }
        return snapshots;
    }
}
