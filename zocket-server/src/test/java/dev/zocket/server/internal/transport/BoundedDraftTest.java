package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.Handshakedata;
import org.junit.jupiter.api.Test;

/** Frames split anywhere across reads decode as if they had come whole, holding only what arrived. */
class BoundedDraftTest {

    private static final int LIMIT = 256 * 1024;

    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            byte[] length = ByteBuffer.allocate(8).putLong(payload.length).array();
            frame.write(length, 0, 8);
        }
        byte[] mask = {7, 1, 9, 3};
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private static List<String> decode(BoundedDraft draft, byte[] stream, int[] cuts) throws Exception {
        List<String> texts = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            feed(draft, stream, from, cut, texts);
            from = cut;
        }
        feed(draft, stream, from, stream.length, texts);
        return texts;
    }

    private static void feed(BoundedDraft draft, byte[] stream, int from, int to, List<String> texts) throws Exception {
        if (to <= from) {
            return;
        }
        ByteBuffer read = ByteBuffer.allocate(to - from);
        read.put(stream, from, to - from).flip();
        for (Framedata frame : draft.translateFrame(read)) {
            ByteBuffer payload = frame.getPayloadData();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            texts.add(new String(bytes, StandardCharsets.UTF_8));
        }
        assertEquals(0, read.remaining(), "every byte read is taken");
    }

    @Test
    void framesSplitAtEveryOffsetDecodeAlike() throws Exception {
        List<String> texts = List.of("a", "x".repeat(125), "y".repeat(126), "z".repeat(300), "", "héllo");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String text : texts) {
            stream.writeBytes(maskedText(text));
        }
        byte[] bytes = stream.toByteArray();
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertEquals(texts, decode(new BoundedDraft(LIMIT), bytes, new int[] {cut}), "split at " + cut);
        }
    }

    @Test
    void framesInRandomChunksDecodeAlike() throws Exception {
        Random random = new Random(15);
        for (int round = 0; round < 200; round++) {
            List<String> texts = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                int[] sizes = {random.nextInt(130), 120 + random.nextInt(20), 65530 + random.nextInt(12), random.nextInt(70_000)};
                String text = Character.toString('a' + i).repeat(sizes[random.nextInt(sizes.length)]);
                texts.add(text);
                stream.writeBytes(maskedText(text));
            }
            byte[] bytes = stream.toByteArray();
            int[] cuts = random.ints(random.nextInt(20), 0, bytes.length + 1).sorted().toArray();
            assertEquals(texts, decode(new BoundedDraft(LIMIT), bytes, cuts), "round " + round);
        }
    }

    @Test
    void aPartialFrameHoldsWhatArrivedNotWhatItAnnounces() throws Exception {
        BoundedDraft draft = new BoundedDraft(LIMIT);
        byte[] frame = maskedText("q".repeat(LIMIT - 16));
        feed(draft, frame, 0, 100, new ArrayList<>());
        assertTrue(draft.partialCapacity() <= 1024, "holds " + draft.partialCapacity());
        assertTrue(draft.partialSinceNanos() != BoundedDraft.NO_PARTIAL_FRAME);
        feed(draft, frame, 100, 5000, new ArrayList<>());
        assertTrue(draft.partialCapacity() < 2 * 5000 + 1024, "grows with the bytes: " + draft.partialCapacity());
        List<String> texts = new ArrayList<>();
        feed(draft, frame, 5000, frame.length, texts);
        assertEquals(1, texts.size());
        assertEquals(BoundedDraft.NO_PARTIAL_FRAME, draft.partialSinceNanos());
        assertEquals(0, draft.partialCapacity());
    }

    @Test
    void aFrameAnnouncingMoreThanTheLimitIsRefusedAtItsHeader() {
        BoundedDraft draft = new BoundedDraft(1024);
        byte[] header = {(byte) 0x81, (byte) (0x80 | 126), 0x08, 0x00, 1, 2, 3, 4};
        assertThrows(LimitExceededException.class, () -> draft.translateFrame(ByteBuffer.wrap(header)));
        BoundedDraft split = new BoundedDraft(1024);
        assertThrows(LimitExceededException.class, () -> {
            split.translateFrame(ByteBuffer.wrap(header, 0, 1).slice());
            split.translateFrame(ByteBuffer.wrap(header, 1, 7).slice());
        });
    }

    @Test
    void decodesEveryKindOfFrameAsJavaWebSocketDoes() throws Exception {
        Random random = new Random(6455);
        for (int round = 0; round < 500; round++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                stream.writeBytes(randomFrame(random));
            }
            byte[] bytes = stream.toByteArray();
            List<Framedata> expected = new Draft_6455(List.of(), LIMIT).translateFrame(ByteBuffer.wrap(bytes));
            BoundedDraft draft = new BoundedDraft(LIMIT);
            List<Framedata> actual = new ArrayList<>();
            int from = 0;
            for (int cut : random.ints(random.nextInt(4), 0, bytes.length + 1).sorted().toArray()) {
                actual.addAll(draft.translateFrame(copyOf(bytes, from, cut)));
                from = cut;
            }
            actual.addAll(draft.translateFrame(copyOf(bytes, from, bytes.length)));
            assertEquals(describe(expected), describe(actual), "round " + round);
            for (Framedata frame : actual) {
                if (frame instanceof ReceivedText text) {
                    assertEquals(new String(bytesOf(frame), StandardCharsets.UTF_8), text.text(), "round " + round);
                }
            }
        }
    }

    @Test
    void aMaskedTextFrameOfInvalidUtf8IsRefusedAndNothingAfterItDecoded() throws Exception {
        BoundedDraft draft = new BoundedDraft(LIMIT);
        byte[] invalid = frame(0x81, true, new byte[] {'o', 'k', (byte) 0xC3, '('});
        byte[] after = maskedText("after");
        ByteBuffer read = ByteBuffer.allocate(invalid.length + after.length).put(invalid).put(after).flip();
        assertEquals(List.of(), draft.translateFrame(read));
        assertEquals(List.of(), draft.translateFrame(ByteBuffer.wrap(maskedText("later"))));
    }

    @Test
    void decodedTextIsDeliveredInOrderWithFragmentedMessagesAndRefusedInsideOne() throws Exception {
        List<String> delivered = new ArrayList<>();
        BoundedDraft draft = new BoundedDraft(LIMIT);
        WebSocketImpl socket = new WebSocketImpl(new Listener(delivered), draft);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(0x01, true, "fragm".getBytes(StandardCharsets.UTF_8)));
        stream.writeBytes(frame(0x80, true, "ented".getBytes(StandardCharsets.UTF_8)));
        stream.writeBytes(maskedText("whole"));
        for (Framedata frame : draft.translateFrame(ByteBuffer.wrap(stream.toByteArray()))) {
            draft.processFrame(socket, frame);
        }
        assertEquals(List.of("fragmented", "whole"), delivered);

        // A whole text frame while a fragmented message is open breaks RFC 6455 (5.4): refused, not delivered.
        stream.reset();
        stream.writeBytes(frame(0x01, true, "open".getBytes(StandardCharsets.UTF_8)));
        stream.writeBytes(maskedText("inside"));
        stream.writeBytes(frame(0x80, true, "never".getBytes(StandardCharsets.UTF_8)));
        List<Framedata> frames = draft.translateFrame(ByteBuffer.wrap(stream.toByteArray()));
        assertTrue(frames.get(1) instanceof ReceivedText);
        for (Framedata frame : frames) {
            draft.processFrame(socket, frame);
        }
        assertEquals(List.of("fragmented", "whole"), delivered);
        assertEquals(List.of(), draft.translateFrame(ByteBuffer.wrap(maskedText("after"))));
    }

    /** Collects the text messages a socket delivers; nothing else is expected of it here. */
    private static final class Listener extends WebSocketAdapter {
        private final List<String> delivered;

        Listener(List<String> delivered) {
            this.delivered = delivered;
        }

        @Override
        public void onWebsocketMessage(WebSocket socket, String message) {
            delivered.add(message);
        }

        @Override
        public void onWebsocketMessage(WebSocket socket, ByteBuffer message) {}

        @Override
        public void onWebsocketOpen(WebSocket socket, Handshakedata handshake) {}

        @Override
        public void onWebsocketClose(WebSocket socket, int code, String reason, boolean remote) {}

        @Override
        public void onWebsocketClosing(WebSocket socket, int code, String reason, boolean remote) {}

        @Override
        public void onWebsocketCloseInitiated(WebSocket socket, int code, String reason) {}

        @Override
        public void onWebsocketError(WebSocket socket, Exception error) {}

        @Override
        public void onWriteDemand(WebSocket socket) {}

        @Override
        public InetSocketAddress getLocalSocketAddress(WebSocket socket) {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteSocketAddress(WebSocket socket) {
            return null;
        }
    }

    /** As the loop reads: a buffer of its own (Java-WebSocket copies unmasked frames ignoring a slice's offset). */
    private static ByteBuffer copyOf(byte[] bytes, int from, int to) {
        return ByteBuffer.allocate(to - from).put(bytes, from, to - from).flip();
    }

    private static byte[] randomFrame(Random random) {
        String text = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "{\"type\":\"rpc\",\"id\":\"" + random.nextInt() + "\"}";
            case 2 -> "héllo wörld — ✓ 🙂".repeat(1 + random.nextInt(20));
            default -> "x".repeat(random.nextInt(70_000));
        };
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> frame(0x89, random.nextBoolean(), Arrays.copyOf(payload, Math.min(payload.length, 125))); // ping
            case 1 -> frame(0x82, true, payload); // binary
            case 2 -> frame(0x81, false, payload); // unmasked text
            case 3 -> { // a text message in two fragments
                int half = payload.length / 2;
                ByteArrayOutputStream fragments = new ByteArrayOutputStream();
                fragments.writeBytes(frame(0x01, true, Arrays.copyOfRange(payload, 0, half)));
                fragments.writeBytes(frame(0x80, true, Arrays.copyOfRange(payload, half, payload.length)));
                yield fragments.toByteArray();
            }
            default -> frame(0x81, true, payload);
        };
    }

    private static byte[] frame(int firstByte, boolean masked, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(maskBit | 127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        byte[] mask = {(byte) 0xA7, 0x31, (byte) 0xF0, 0x5C};
        if (masked) {
            frame.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        return frame.toByteArray();
    }

    private static List<String> describe(List<Framedata> frames) {
        List<String> described = new ArrayList<>();
        for (Framedata frame : frames) {
            described.add(frame.getOpcode() + (frame.isFin() ? " fin " : " more ") + Arrays.toString(bytesOf(frame)));
        }
        return described;
    }

    private static byte[] bytesOf(Framedata frame) {
        ByteBuffer payload = frame.getPayloadData().duplicate();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return bytes;
    }
}
