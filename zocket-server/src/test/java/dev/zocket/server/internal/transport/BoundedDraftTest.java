package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
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
}
