package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;
import org.junit.jupiter.api.Test;

/**
 * The upgrade request reader accepts and refuses what Java-WebSocket's own reader does, reading
 * the same fields from the same bytes and stopping at the same place: checked on requests built
 * at random from valid and broken parts, cut anywhere, in every kind of buffer.
 */
class UpgradeRequestTest {

    private static final String[] NAMES = {"Host", "Upgrade", "Connection", "Sec-WebSocket-Key",
        "Sec-WebSocket-Version", "sec-websocket-key", "UPGRADE", "Origin", "Cookie", "X-Empty", " Folded"};
    private static final String[] VALUES = {"websocket", "Upgrade", "dGhlIHNhbXBsZSBub25jZQ==", "13", "",
        "a: b", "  padded  ", "\ttabbed", "x;y", "caf\u00e9", "127.0.0.1:3001"};
    private static final String[] REQUEST_LINES = {"GET / HTTP/1.1", "GET /?token=abc HTTP/1.1",
        "get /room HTTP/1.1", "GET / http/1.1", "POST / HTTP/1.1", "GET / HTTP/1.0", "GET /", "GET  / HTTP/1.1",
        "GET / HTTP/1.1 ", "", "GET /a b HTTP/1.1", "GET\t/ HTTP/1.1"};

    @Test
    void readsWhatJavaWebSocketReadsFromRandomRequests() {
        Random random = new Random(6455);
        for (int run = 0; run < 5_000; run++) {
            byte[] request = randomRequest(random);
            int cut = random.nextInt(4) == 0 ? random.nextInt(request.length + 1) : request.length;
            byte[] arrived = new byte[cut];
            System.arraycopy(request, 0, arrived, 0, cut);
            String text = new String(arrived, StandardCharsets.ISO_8859_1);
            for (ByteBuffer[] buffers : List.of(heap(arrived), sliced(arrived), direct(arrived))) {
                String outcome = assertSameOutcome(buffers[0], buffers[1], text);
                if (text.contains("\r\n\r\n")) {
                    // What PendingUpgrade relies on to hand a request on once: with its blank line in, never incomplete.
                    assertFalse(outcome.startsWith("incomplete"), "incomplete with a blank line: " + outcome);
                }
            }
        }
    }

    @Test
    void stopsRightAfterTheBlankLineSoTheFirstFrameCanFollow() throws Exception {
        byte[] bytes = "GET / HTTP/1.1\r\nHost: a\r\n\r\n\u0081\u0000".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ClientHandshake request = (ClientHandshake) UpgradeRequest.read(in);
        assertEquals("/", request.getResourceDescriptor());
        assertEquals("a", request.getFieldValue("host"));
        assertEquals(bytes.length - 2, in.position());
    }

    @Test
    void aRequestOfManyShortLinesIsReadWhole() throws Exception {
        // Java-WebSocket copied the rest of the buffer for every line: quadratic in the request's size.
        // And the same header repeated is joined in linear time, where joining strings was quadratic.
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n");
        int lines = 0;
        for (; request.length() < EventLoop.MAX_HANDSHAKE_BYTES - 10; lines++) {
            request.append("X:").append(lines % 10).append("\r\n");
        }
        ByteBuffer in = ByteBuffer.wrap((request + "\r\n").getBytes(StandardCharsets.US_ASCII));
        ClientHandshake read = (ClientHandshake) UpgradeRequest.read(in);
        assertEquals(in.limit(), in.position());
        assertEquals(lines, read.getFieldValue("x").split("; ").length);
    }

    @Test
    void anIncompleteRequestLineAsksForMoreRoomThanTheBufferHas() {
        ByteBuffer in = ByteBuffer.allocate(64).put("GET / HT".getBytes(StandardCharsets.US_ASCII)).flip();
        IncompleteHandshakeException incomplete = assertThrows(IncompleteHandshakeException.class,
                () -> UpgradeRequest.read(in));
        assertEquals(64 + 128, incomplete.getPreferredSize());
    }

    private static String assertSameOutcome(ByteBuffer ours, ByteBuffer theirs, String input) {
        String expected = outcome(() -> Draft.translateHandshakeHttp(theirs, Role.SERVER), theirs);
        String actual = outcome(() -> UpgradeRequest.read(ours), ours);
        assertEquals(expected, actual, "for " + input.replace("\r", "\\r").replace("\n", "\\n"));
        return actual;
    }

    private interface Reader {
        Handshakedata read() throws InvalidHandshakeException;
    }

    /** What a reader made of the bytes: the request and where it stopped, or the kind of refusal. */
    private static String outcome(Reader reader, ByteBuffer in) {
        try {
            ClientHandshake request = (ClientHandshake) reader.read();
            StringBuilder fields = new StringBuilder(request.getResourceDescriptor());
            for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
                String name = names.next();
                fields.append('|').append(name).append('=').append(request.getFieldValue(name));
            }
            return "read " + fields + " up to " + in.position();
        } catch (IncompleteHandshakeException e) {
            // The preferred size depends on the buffer's capacity, the same for both here.
            return "incomplete, wants " + e.getPreferredSize();
        } catch (InvalidHandshakeException e) {
            return "refused";
        }
    }

    private static byte[] randomRequest(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String line = random.nextInt(3) == 0 ? pick(random, REQUEST_LINES) : "GET / HTTP/1.1";
        write(out, line, random);
        int headers = random.nextInt(8);
        for (int i = 0; i < headers; i++) {
            String header = random.nextInt(20) == 0 ? "no colon here"
                    : pick(random, NAMES) + ":" + " ".repeat(random.nextInt(3)) + pick(random, VALUES);
            write(out, header, random);
        }
        write(out, "", random);
        if (random.nextBoolean()) {
            out.writeBytes(new byte[] {(byte) 0x81, 0x05, 'h', 'e', 'l', 'l', 'o'});
        }
        return out.toByteArray();
    }

    /** A line with its CRLF, now and then ended with a bare LF or CR instead, or with a stray CR inside. */
    private static void write(ByteArrayOutputStream out, String line, Random random) {
        String ending = switch (random.nextInt(25)) {
            case 0 -> "\n";
            case 1 -> "\r";
            case 2 -> "\r\r\n";
            default -> "\r\n";
        };
        if (!line.isEmpty() && random.nextInt(40) == 0) {
            int at = random.nextInt(line.length());
            line = line.substring(0, at) + "\r" + line.substring(at);
        }
        out.writeBytes((line + ending).getBytes(StandardCharsets.UTF_8));
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static ByteBuffer[] heap(byte[] bytes) {
        return new ByteBuffer[] {ByteBuffer.wrap(bytes.clone()), ByteBuffer.wrap(bytes.clone())};
    }

    /** A slice of a larger array, at an offset, as the event loop hands over a partial read. */
    private static ByteBuffer[] sliced(byte[] bytes) {
        List<ByteBuffer> slices = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ByteBuffer whole = ByteBuffer.allocate(bytes.length + 10);
            whole.position(7).put(bytes).flip().position(7);
            slices.add(whole.slice());
        }
        return slices.toArray(ByteBuffer[]::new);
    }

    private static ByteBuffer[] direct(byte[] bytes) {
        return new ByteBuffer[] {ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(),
            ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()};
    }
}
