package dev.zocket.server.internal.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who Studio lets in, from where; the one-use tickets of its WebSocket connection. */
class StudioAccessTest {

    private static final InetAddress REMOTE = address("192.0.2.7");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void withoutATokenOnlyLoopbackIsAdmittedAndOnlyLoopbackGetsThePage() {
        StudioAccess access = new StudioAccess(Optional.empty());
        assertEquals(new StudioAccess.Decision.Admitted("studio@127.0.0.1"), access.decide(null, LOOPBACK));
        StudioAccess.Decision remote = access.decide("Bearer anything", REMOTE);
        assertEquals(403, assertInstanceOf(StudioAccess.Decision.Refused.class, remote).status());
        assertEquals(403, ((StudioAccess.Decision.Refused) access.decide(null, null)).status());
        assertTrue(access.mayLoadPage(LOOPBACK));
        assertFalse(access.mayLoadPage(REMOTE));
    }

    @Test
    void withATokenEveryAddressNeedsIt() {
        StudioAccess access = new StudioAccess(Optional.of("pässword"));
        assertEquals(401, ((StudioAccess.Decision.Refused) access.decide(null, LOOPBACK)).status());
        assertEquals(401, ((StudioAccess.Decision.Refused) access.decide("Basic pässword", LOOPBACK)).status());
        assertEquals(401, ((StudioAccess.Decision.Refused) access.decide("Bearer pässwor", REMOTE)).status());
        assertEquals(new StudioAccess.Decision.Admitted("studio@192.0.2.7"), access.decide("Bearer pässword", REMOTE));
        assertTrue(access.mayLoadPage(REMOTE), "the page itself holds no data; it asks for the token");
    }

    @Test
    void aTicketIsSpentOnFirstUseAndExpires() {
        StudioTickets tickets = new StudioTickets();
        String ticket = tickets.issue("studio@127.0.0.1", 0);
        assertEquals(Optional.of("studio@127.0.0.1"), tickets.redeem(ticket, 1));
        assertEquals(Optional.empty(), tickets.redeem(ticket, 2));
        String late = tickets.issue("studio@127.0.0.1", 0);
        assertEquals(Optional.empty(), tickets.redeem(late, StudioTickets.LIFETIME_NANOS + 1));
    }

    @Test
    void outstandingTicketsAreBounded() {
        StudioTickets tickets = new StudioTickets();
        String first = tickets.issue("a", 0);
        for (int i = 0; i < StudioTickets.MAX_OUTSTANDING; i++) {
            tickets.issue("b", 0);
        }
        assertEquals(Optional.empty(), tickets.redeem(first, 0), "the oldest gave way");
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
