package dev.zocket.server.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.Caller;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bad input is logged once per connection and reason, and a connection cannot grow the record without bound. */
class BadInputLogTest {

    private static Session session() {
        return new Session(new Caller("c_1", Optional.empty(), Map.of()), new ClientConnection() {
            @Override
            public void send(OutgoingMessage message) {}

            @Override
            public void close(int code, String reason) {}
        }, 0);
    }

    @Test
    void eachReasonIsReportedOncePerConnection() {
        Session first = session();
        assertTrue(first.firstTime("Invalid UTF-8"));
        assertFalse(first.firstTime("Invalid UTF-8"));
        assertTrue(first.firstTime("Not JSON"));
        assertTrue(session().firstTime("Invalid UTF-8"), "another connection is reported on its own");
    }

    @Test
    void aConnectionThatInventsReasonsStopsBeingReported() {
        Session noisy = session();
        long reported = IntStream.range(0, 1_000).filter(i -> noisy.firstTime("reason " + i)).count();
        assertEquals(16, reported);
    }
}
