package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An upgrade request is handed on once, whole, in the read that completes its blank line, with
 * every byte that arrived up to then; cut anywhere, and with stray CRs and LFs that only look like
 * the end.
 */
class PendingUpgradeTest {

    private static final String[] PIECES = {"GET / HTTP/1.1", "\r\n", "\r", "\n", "Host: a", "X:1", "\r\r\n", "\n\r",
        "\u0081\u0005hello"};

    @Test
    void aRequestCutAnywhereIsHandedOnWhenItsBlankLineArrives() {
        Random random = new Random(2616);
        for (int run = 0; run < 20_000; run++) {
            byte[] stream = randomStream(random);
            int end = blankLineEnd(stream);
            PendingUpgrade pending = new PendingUpgrade();
            int from = 0;
            boolean handedOn = false;
            while (from < stream.length && !handedOn) {
                int to = Math.min(stream.length, from + 1 + random.nextInt(random.nextBoolean() ? 4 : 40));
                ByteBuffer read = ByteBuffer.allocate(64).put(stream, from, to - from).flip();
                ByteBuffer request = pending.add(read);
                String where = "run " + run + ", read " + from + ".." + to + " of " + show(stream);
                if (end >= 0 && end <= to) {
                    assertArrayEquals(Arrays.copyOfRange(stream, 0, to), remaining(request), where);
                    handedOn = true;
                } else {
                    assertNull(request, where);
                }
                from = to;
            }
            assertEquals(end >= 0, handedOn, "handed on exactly when the stream has a blank line: " + show(stream));
        }
    }

    @Test
    void aRequestThatArrivesWholeIsHandedOnUncopied() {
        byte[] bytes = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer read = ByteBuffer.wrap(bytes);
        ByteBuffer request = new PendingUpgrade().add(read);
        assertEquals(bytes.length, request.remaining());
        assertEquals(bytes.length, request.capacity(), "a slice: nothing behind it to size a buffer from");
        assertSame(bytes, request.array(), "the read's own bytes");
    }

    /** The index just past the first CRLFCRLF, or -1. */
    private static int blankLineEnd(byte[] stream) {
        String text = new String(stream, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n\r\n");
        return at < 0 ? -1 : at + 4;
    }

    private static byte[] randomStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String show(byte[] stream) {
        return new String(stream, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }
}
