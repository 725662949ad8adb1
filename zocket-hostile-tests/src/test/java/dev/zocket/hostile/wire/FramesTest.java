package dev.zocket.hostile.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The hand-written frames are what RFC 6455 §5.2 says a client sends. */
class FramesTest {

    @Test
    void aShortTextFrameIsFinalMaskedAndCarriesItsLengthInTheSecondByte() {
        byte[] frame = Frames.text("hi");
        assertEquals(0x81, frame[0] & 0xff, "FIN and opcode 1");
        assertEquals(0x80 | 2, frame[1] & 0xff, "mask bit and length");
        assertEquals(2 + 4 + 2, frame.length);
        assertEquals("hi", unmask(frame, 2));
    }

    @Test
    void lengthsFrom126UseTwoBytesAndFrom65536EightBytes() {
        assertArrayEquals(new byte[] {(byte) 0x81, (byte) 0xfd}, Arrays.copyOf(Frames.header(Frames.TEXT, 125), 2));
        assertArrayEquals(new byte[] {(byte) 0x81, (byte) 0xfe, 0x00, 0x7e},
                Arrays.copyOf(Frames.header(Frames.TEXT, 126), 4));
        assertArrayEquals(new byte[] {(byte) 0x81, (byte) 0xff, 0, 0, 0, 0, 0, 0x04, 0x00, 0x00},
                Arrays.copyOf(Frames.header(Frames.TEXT, 256 * 1024), 10));
        assertEquals(2 + 8 + 4, Frames.header(Frames.TEXT, 256 * 1024).length, "with the mask");
    }

    @Test
    void aCloseFramesCodeIsItsFirstTwoBytes() {
        assertEquals(1008, Frames.closeCode(new byte[] {0x03, (byte) 0xf0, 'x'}));
        assertEquals(1005, Frames.closeCode(new byte[0]));
    }

    private static String unmask(byte[] frame, int payloadLength) {
        byte[] mask = Arrays.copyOfRange(frame, 2, 6);
        byte[] payload = new byte[payloadLength];
        for (int i = 0; i < payloadLength; i++) {
            payload[i] = (byte) (frame[6 + i] ^ mask[i % 4]);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
