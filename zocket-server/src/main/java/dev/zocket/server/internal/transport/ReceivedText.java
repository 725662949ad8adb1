package dev.zocket.server.internal.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;

/**
 * A whole text message that came in one masked frame, already decoded. It is still a
 * {@link TextFrame} with its payload, so whatever Java-WebSocket does with text frames (refusing
 * one in the middle of a fragmented message, say) it can do with this one.
 */
final class ReceivedText extends TextFrame {

    private static final int FIN_AND_TEXT = 0x81;
    private static final int MASKED = 0x80;

    private final String text;

    private ReceivedText(byte[] payload, String text) {
        this.text = text;
        setFin(true);
        setPayload(ByteBuffer.wrap(payload));
    }

    String text() {
        return text;
    }

    /**
     * Decodes the complete frame in {@code frame} between {@code at} and {@code end}, or returns
     * {@code null} if it is not a single masked text frame without extension bits.
     *
     * @throws InvalidDataException {@code 1007} if its payload is not UTF-8
     */
    static ReceivedText decode(ByteBuffer frame, int at, int end) throws InvalidDataException {
        int second = frame.get(at + 1) & 0xFF;
        if ((frame.get(at) & 0xFF) != FIN_AND_TEXT || (second & MASKED) == 0) {
            return null;
        }
        int length7 = second & 0x7F;
        int maskAt = at + 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0);
        int payloadAt = maskAt + 4;
        byte[] payload = new byte[end - payloadAt];
        frame.get(payloadAt, payload);
        byte[] mask = {frame.get(maskAt), frame.get(maskAt + 1), frame.get(maskAt + 2), frame.get(maskAt + 3)};
        boolean ascii = true;
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
            ascii &= payload[i] >= 0;
        }
        // ASCII is UTF-8 as it is; anything else is decoded strictly, refusing malformed bytes.
        String text = ascii ? new String(payload, StandardCharsets.ISO_8859_1) : strictUtf8(payload);
        return new ReceivedText(payload, text);
    }

    private static String strictUtf8(byte[] payload) throws InvalidDataException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException malformed) {
            throw new InvalidDataException(CloseFrame.NO_UTF8, "A text frame is not valid UTF-8");
        }
    }
}
