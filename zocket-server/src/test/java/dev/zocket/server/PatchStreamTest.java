package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.json.JsonEquality;
import dev.zocket.json.JsonPatch;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Every subscriber that applies every patch it receives to its snapshot ends with exactly the
 * state a fresh subscriber is sent, after a burst of random edits from several writers. There are
 * enough subscribers for the patches to go out as one frame they share.
 */
@Timeout(120)
class PatchStreamTest {

    private static final String[] KINDS = {"add", "add", "add", "remove", "vote", "rename", "clear", "tag", "untag", "title"};

    @Test
    void snapshotPlusPatchesEqualsAFreshSnapshotAndVersionsAreContiguous() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            List<RawClient> followers = new ArrayList<>();
            List<JsonNode> snapshots = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RawClient follower = RawClient.connect(server.url());
                followers.add(follower);
                follower.subscribe("state:sub", "notes", "board");
                snapshots.add(follower.next("state:snapshot"));
            }

            List<RawClient> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writers.add(RawClient.connect(server.url()));
            }
            int[] sent = new int[writers.size()];
            for (int i = 0; i < 1_500; i++) {
                int chosen = random.nextInt(writers.size());
                RawClient writer = writers.get(chosen);
                sent[chosen]++;
                String kind = KINDS[random.nextInt(KINDS.length)];
                String text = random.nextInt(5) == 0 ? "t/~" + random.nextInt(3) : "t" + random.nextInt(20);
                writer.rpc("notes", "board", "edit",
                        "{\"kind\":\"" + kind + "\",\"index\":" + random.nextInt(50) + ",\"text\":\"" + text + "\"}");
            }
            for (int w = 0; w < writers.size(); w++) {
                for (int i = 0; i < sent[w]; i++) {
                    writers.get(w).next("rpc:result");
                }
            }

            try (RawClient fresh = RawClient.connect(server.url())) {
                fresh.subscribe("state:sub", "notes", "board");
                JsonNode expected = fresh.next("state:snapshot");
                long finalVersion = expected.get("version").asLong();
                for (int f = 0; f < followers.size(); f++) {
                    RawClient follower = followers.get(f);
                    JsonNode state = snapshots.get(f).get("state");
                    long version = snapshots.get(f).get("version").asLong();
                    while (version < finalVersion) {
                        JsonNode patch = follower.next("state:patch");
                        assertEquals(++version, patch.get("version").asLong(),
                                "versions are contiguous (seed " + seed + ")");
                        state = JsonPatch.fromJson(patch.get("patches")).apply(state);
                    }
                    JsonNode finalState = state;
                    assertTrue(JsonEquality.equal(expected.get("state"), finalState),
                            () -> "seed " + seed + ": followed " + finalState + "\nfresh " + expected.get("state"));
                }
            }
            writers.forEach(RawClient::close);
            followers.forEach(RawClient::close);
        }
    }
}
