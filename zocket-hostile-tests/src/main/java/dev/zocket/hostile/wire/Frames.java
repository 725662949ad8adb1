package dev.zocket.hostile.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** WebSocket frames as a client writes them (RFC 6455 §5.2), encoded by hand for full control. */
public final class Frames {

    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;

    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private Frames() {}

    /** A final, masked text frame. */
    public static byte[] text(String text) {
        return frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A final, masked frame of {@code opcode} carrying {@code payload}. */
    public static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        byte[] header = header(opcode, payload.length);
        out.writeBytes(header);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ MASK[i % 4]);
        }
        return out.toByteArray();
    }

    /**
     * The header of a final, masked frame announcing {@code length} bytes of payload, mask
     * included: what a client sends before the payload, which it may then never send.
     */
    public static byte[] header(int opcode, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(14);
        out.write(0x80 | opcode);
        if (length < 126) {
            out.write(0x80 | (int) length);
        } else if (length <= 0xffff) {
            out.write(0x80 | 126);
            out.write((int) (length >> 8) & 0xff);
            out.write((int) length & 0xff);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift) & 0xff);
            }
        }
        out.writeBytes(MASK);
        return out.toByteArray();
    }

    /** The close code of a close frame's payload, or 1005 (no status) if it has none. */
    public static int closeCode(byte[] payload) {
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
}
