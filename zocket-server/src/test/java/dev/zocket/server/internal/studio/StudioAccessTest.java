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
        assertEquals(new StudioAccess.Decision.Admitted("studio@127.0.0.1"),
                access.decide("Bearer -", "localhost:3000", LOOPBACK));
        StudioAccess.Decision remote = access.decide("Bearer anything", "localhost:3000", REMOTE);
        assertEquals(403, assertInstanceOf(StudioAccess.Decision.Refused.class, remote).status());
        assertEquals(403, ((StudioAccess.Decision.Refused) access.decide("Bearer -", "localhost", null)).status());
        assertTrue(access.mayLoadPage("127.0.0.1:3000", LOOPBACK));
        assertFalse(access.mayLoadPage("127.0.0.1:3000", REMOTE));
    }

    @Test
    void withoutATokenAnotherSitesPageCannotActThroughTheBrowser() {
        StudioAccess access = new StudioAccess(Optional.empty());
        // A cross-site form or fetch without a preflight carries no Authorization header.
        assertEquals(403, ((StudioAccess.Decision.Refused) access.decide(null, "localhost:3000", LOOPBACK)).status());
        // A name rebound to 127.0.0.1 still says its own name in Host.
        assertEquals(403, ((StudioAccess.Decision.Refused) access.decide("Bearer -", "evil.example:3000", LOOPBACK))
                .status());
        assertFalse(access.mayLoadPage("evil.example", LOOPBACK));
        assertFalse(access.mayLoadPage(null, LOOPBACK));
    }

    @Test
    void loopbackHostsAreRecognisedWithAndWithoutPorts() {
        for (String host : new String[] {"localhost", "LOCALHOST:80", "127.0.0.1", "127.1.2.3:3000", "[::1]", "[::1]:3000"}) {
            assertTrue(StudioAccess.isLoopbackHost(host), host);
        }
        for (String host : new String[] {"localhost.evil.example", "127.0.0.1.evil.example", "[::1]x", "10.0.0.1", ""}) {
            assertFalse(StudioAccess.isLoopbackHost(host), host);
        }
    }

    @Test
    void withATokenEveryAddressNeedsIt() {
        StudioAccess access = new StudioAccess(Optional.of("pässword"));
        assertEquals(401, ((StudioAccess.Decision.Refused) access.decide(null, "localhost", LOOPBACK)).status());
        assertEquals(401, ((StudioAccess.Decision.Refused) access.decide("Basic pässword", "localhost", LOOPBACK))
                .status());
        assertEquals(401, ((StudioAccess.Decision.Refused) access.decide("Bearer pässwor", "studio.example", REMOTE))
                .status());
        assertEquals(new StudioAccess.Decision.Admitted("studio@192.0.2.7"),
                access.decide("Bearer pässword", "studio.example", REMOTE));
        assertTrue(access.mayLoadPage("studio.example", REMOTE), "the page itself holds no data; it asks for the token");
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
