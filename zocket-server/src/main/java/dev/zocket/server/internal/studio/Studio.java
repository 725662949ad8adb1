package dev.zocket.server.internal.studio;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.AccessKind;
import dev.zocket.server.AccessRequest;
import dev.zocket.server.AuthenticationException;
import dev.zocket.server.Authenticator;
import dev.zocket.server.internal.authz.Authorization;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.Privilege;
import dev.zocket.server.internal.transport.HttpRoutes;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.spi.TimeSource;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zocket Studio for one server: a page on the HTTP port to look at live actors, connections and
 * metrics, and to act on instances (docs/studio.md). Assembled in three parts, as the server is:
 * the {@linkplain #authenticator authenticator} that lets a ticket open Studio's privileged
 * WebSocket connection, the {@linkplain #authorization authorization} that admits that
 * connection everywhere and writes every call it makes to the audit log, and the
 * {@linkplain #routes HTTP routes}.
 */
public final class Studio {

    /** The handshake query parameter that carries a ticket. */
    public static final String TICKET_PARAMETER = "zocket-studio-ticket";
    /** The logger of every Studio action: calls, passivations, connections. */
    public static final String AUDIT_LOGGER = "dev.zocket.server.studio.audit";

    private static final Logger LOG = LoggerFactory.getLogger(Studio.class);
    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

    private final StudioAccess access;
    private final StudioTickets tickets = new StudioTickets();

    /** @param token the password, or empty: then only the loopback interface is served */
    public Studio(Optional<String> token) {
        this.access = new StudioAccess(token);
    }

    /**
     * {@code base}, except that a handshake carrying a ticket is Studio's: a valid ticket gives
     * the privileged principal, any other is refused. Handshakes without one go to {@code base}.
     */
    public Authenticator authenticator(Authenticator base, TimeSource time) {
        return request -> {
            Optional<String> ticket = request.queryParameter(TICKET_PARAMETER);
            if (ticket.isEmpty()) {
                return base.authenticate(request);
            }
            String operator = tickets.redeem(ticket.get(), time.nanoTime())
                    .orElseThrow(() -> new AuthenticationException("Invalid or expired Studio ticket"));
            AUDIT.info("{} opened a Studio connection", operator);
            return Privilege.principal(operator);
        };
    }

    /** {@code base}, admitting Studio's connections to everything, and auditing their calls. */
    public Authorization authorization(Authorization base) {
        return base.withPrivileged(Studio::admitPrivileged);
    }

    private static boolean admitPrivileged(AccessRequest request) {
        if (!Privilege.holds(request.caller())) {
            return false;
        }
        if (request.kind() == AccessKind.CALL) {
            AUDIT.info("{} ({}) calls {} on {}/{}", request.caller().userId().orElse("studio"),
                    request.caller().clientId(), request.method().orElse(""), request.actor(), request.actorId());
        }
        return true;
    }

    /**
     * The page and its endpoints, for the HTTP side.
     *
     * @param store the server's store, or {@code null}
     * @param memoryOnly the actors the store does not keep
     * @param time the clock of the host's sessions and instances
     */
    public HttpRoutes routes(ActorHost host, JsonCodec json, StateStore store, Set<String> memoryOnly,
            TimeSource time) {
        return new StudioApi(access, tickets, host, new StudioHistory(store, memoryOnly, host.registry()), json, time, AUDIT);
    }

    /** Says at start where Studio is and how it is protected; loudly when it has no token. */
    public void announce(String host, int httpPort) {
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        if (access.protectedByToken()) {
            LOG.info("Zocket Studio on http://{}:{}/studio/ (token required)", shown, httpPort);
        } else {
            LOG.warn("Zocket Studio is on WITHOUT a token at http://{}:{}/studio/: it answers requests from this"
                    + " machine only (loopback). Set ZOCKET_STUDIO_TOKEN or ZocketServer.Builder.studio(token)"
                    + " to reach it from elsewhere", shown, httpPort);
        }
    }
}
