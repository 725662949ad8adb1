package dev.zocket.server.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.diff.PatchBuilder;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.PatchOperation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StateSizeTest {

    private static final JsonMapper MAPPER = JsonCodec.standard().mapper();
    private static final String ALPHABET = "ab~/\"\\é€😀 ";

    private static long encodedLength(Object value) {
        return MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(
                    ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return text.toString();
    }

    private static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Random histories of adds, replaces and removes on a map, sized by the change (both ways the
     * server does: the operations, or the encoded patch message's length), against the exact size.
     */
    @Test
    void refusesExactlyTheStatesOverTheLimitAndNeverUnderstatesTheSize() {
        int refused = 0;
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            long limit = 300 + random.nextInt(4_000);
            StateSize size = new StateSize(MAPPER, limit);
            TreeMap<String, String> state = new TreeMap<>();
            for (int step = 0; step < 1_000; step++) {
                TreeMap<String, String> next = new TreeMap<>(state);
                PatchBuilder change = new PatchBuilder();
                List<String> keys = new ArrayList<>(state.keySet());
                int kind = keys.isEmpty() ? 0 : random.nextInt(3);
                if (kind == 0) {
                    String key = text(random, 6);
                    String value = text(random, 120);
                    if (next.put(key, value) == null) {
                        change.add(pointer(key), value);
                    } else {
                        change.replace(pointer(key), value);
                    }
                } else if (kind == 1) {
                    String key = keys.get(random.nextInt(keys.size()));
                    String value = text(random, 120);
                    next.put(key, value);
                    change.replace(pointer(key), value);
                } else {
                    String key = keys.get(random.nextInt(keys.size()));
                    next.remove(key);
                    change.remove(pointer(key));
                }
                List<PatchOperation> operations = change.operations();
                long fitted = random.nextBoolean()
                        ? size.fit(next, operations)
                        : size.fit(next, encodedLength(operations));
                long exact = encodedLength(next);
                String where = "seed " + seed + ", step " + step;
                assertEquals(exact <= limit, fitted >= 0, where + ": refused exactly the states over " + limit);
                if (fitted >= 0) {
                    assertTrue(fitted >= exact, where + ": bound " + fitted + " below the size " + exact);
                    size.committed(fitted);
                    state = next;
                } else {
                    refused++;
                }
            }
        }
        assertTrue(refused > 100, "the histories reached the limit often: " + refused);
    }

    /** A state whose encoding counts how often it is read. */
    public static final class LargeState {
        private final String text;
        int reads;

        LargeState(String text) {
            this.text = text;
        }

        public String getText() {
            reads++;
            return text;
        }
    }

    @Test
    void aSmallChangeToALargeStateIsSizedWithoutEncodingTheState() {
        StateSize size = new StateSize(MAPPER, 1 << 20);
        LargeState state = new LargeState("x".repeat(900_000));
        List<PatchOperation> change = new PatchBuilder().replace("/text", "y").operations();
        size.committed(size.fit(state, change));
        assertEquals(1, state.reads, "the first change measures the state: nothing bounds it yet");

        for (int i = 0; i < 1_000; i++) {
            long fitted = size.fit(state, change);
            assertTrue(fitted >= 900_000, "the bound covers the state");
            size.committed(fitted);
        }
        assertEquals(1, state.reads, "later changes are sized by themselves while the bound has room");
    }

    @Test
    void theStateIsMeasuredAgainOnceTheChangesUseUpTheRoomUnderTheLimit() {
        StateSize size = new StateSize(MAPPER, 1_000);
        LargeState state = new LargeState("x".repeat(500));
        List<PatchOperation> change = new PatchBuilder().replace("/text", "y".repeat(100)).operations();
        size.committed(size.fit(state, change));
        int changes = 0;
        while (state.reads == 1) {
            size.committed(size.fit(state, change));
            changes++;
        }
        assertTrue(changes >= 2 && changes <= 4, "measured again after " + changes + " changes of about 140 bytes");
        assertEquals(2, state.reads);
    }
}
