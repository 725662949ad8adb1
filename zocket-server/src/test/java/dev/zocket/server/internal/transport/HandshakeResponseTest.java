package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.HandshakeImpl1Server;
import org.java_websocket.handshake.Handshakedata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's upgrade answer has the headers Java-WebSocket's draft writes, with the same values. */
class HandshakeResponseTest {

    @Test
    void theAcceptKeyIsRfc6455sExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", HandshakeResponse.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dGhlIHNhbXBsZSBub25jZQ==", " x3JJHMbDL1EzLkh9GBhXDw== ", "AQIDBAUGBwgJCgsMDQ4PEA=="})
    void theHeadersAreJavaWebSocketsApartFromTheMomentOfTheDate(String key) throws InvalidHandshakeException {
        HandshakeImpl1Client request = new HandshakeImpl1Client();
        request.put("Connection", "keep-alive, Upgrade");
        request.put("Sec-WebSocket-Key", key);
        HandshakeImpl1Server theirs = new HandshakeImpl1Server();
        new Draft_6455().postProcessHandshakeResponseAsServer(request, theirs);
        HandshakeImpl1Server ours = new HandshakeImpl1Server();
        HandshakeResponse.fill(request, ours);

        Map<String, String> theirFields = fields(theirs);
        Map<String, String> ourFields = fields(ours);
        String theirDate = theirFields.remove("Date");
        String ourDate = ourFields.remove("Date");
        assertEquals(theirFields, ourFields);
        assertEquals(theirs.getHttpStatusMessage(), ours.getHttpStatusMessage());
        long apart = ZonedDateTime.parse(ourDate, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond()
                - ZonedDateTime.parse(theirDate, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        assertEquals(0, apart, 1, ourDate + " vs " + theirDate);
    }

    @Test
    void theDateHasTwoDigitDaysAndEnglishNamesInGmt() {
        assertEquals("Thu, 05 Feb 2026 07:08:09 GMT", HandshakeResponse.date(1_770_275_289L));
        assertEquals("Fri, 27 Nov 2026 19:45:00 GMT", HandshakeResponse.date(1_795_808_700L));
    }

    @Test
    void aRequestWithoutKeyIsRefused() {
        HandshakeImpl1Client request = new HandshakeImpl1Client();
        request.put("Connection", "Upgrade");
        assertThrows(InvalidHandshakeException.class, () -> HandshakeResponse.fill(request, new HandshakeImpl1Server()));
    }

    private static Map<String, String> fields(Handshakedata handshake) {
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<String> names = handshake.iterateHttpFields(); names.hasNext(); ) {
            String name = names.next();
            fields.put(name, handshake.getFieldValue(name));
        }
        return fields;
    }
}
