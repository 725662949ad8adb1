package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frames the server writes itself are byte for byte those Java-WebSocket's draft would write. */
class TextFrameTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 300_000})
    void aFrameIsWhatJavaWebSocketWritesForEveryLengthEncoding(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        assertEquals(draftFrame(payload), WebSocketConnection.textFrame(payload));
        ByteBuffer shared = WebSocketConnection.directTextFrame(payload);
        assertTrue(shared.isDirect());
        assertEquals(draftFrame(payload), shared, "the frame shared by a fan-out is the same bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"welcome\",\"clientId\":\"c_1\"}", "ünïcödé ✓ 𝄞"})
    void textIsFramedAsItsUtf8Bytes(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(draftFrame(payload), WebSocketConnection.textFrame(payload));
    }

    private static ByteBuffer draftFrame(byte[] payload) {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(payload));
        frame.setFin(true);
        return new Draft_6455(Collections.emptyList()).createBinaryFrame(frame);
    }
}
