package dev.zocket.server.internal.studio;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One-use tickets that let a Studio page open its privileged WebSocket connection. A browser
 * cannot set headers on a WebSocket handshake, and a token in the URL would end up in logs; so
 * the page, already authorized over HTTP, asks for a ticket and sends it as a query parameter.
 * A ticket opens one connection, within {@link #LIFETIME_NANOS} of its issue; at most
 * {@link #MAX_OUTSTANDING} wait at once, the oldest giving way.
 */
final class StudioTickets {

    static final long LIFETIME_NANOS = 30_000_000_000L;
    static final int MAX_OUTSTANDING = 64;

    private record Ticket(String operator, long issuedNanos) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> outstanding = new LinkedHashMap<>();

    /** A fresh ticket for {@code operator}. */
    synchronized String issue(String operator, long nowNanos) {
        dropExpired(nowNanos);
        if (outstanding.size() >= MAX_OUTSTANDING) {
            Iterator<String> oldest = outstanding.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        outstanding.put(ticket, new Ticket(operator, nowNanos));
        return ticket;
    }

    /** The operator a valid ticket was issued to; the ticket is spent either way. */
    synchronized Optional<String> redeem(String ticket, long nowNanos) {
        Ticket found = outstanding.remove(ticket);
        if (found == null || nowNanos - found.issuedNanos() > LIFETIME_NANOS) {
            return Optional.empty();
        }
        return Optional.of(found.operator());
    }

    private void dropExpired(long nowNanos) {
        outstanding.values().removeIf(ticket -> nowNanos - ticket.issuedNanos() > LIFETIME_NANOS);
    }
}
