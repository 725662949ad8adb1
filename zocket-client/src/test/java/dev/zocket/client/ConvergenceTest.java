package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Notes;
import dev.zocket.server.fixtures.NotesHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two clients editing one instance at random end with the server's exact state. */
@Timeout(120)
class ConvergenceTest {

    private static final String[] KINDS = {"add", "add", "remove", "vote", "rename", "clear", "tag", "untag", "title"};

    @Test
    void twoClientsConvergeToTheServerStateAfterAThousandRandomMutations() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                ZocketClient alice = ZocketClient.connect(server.url());
                ZocketClient bob = ZocketClient.connect(server.url())) {
            List<NotesHandle> handles = List.of(NotesHandle.of(alice, "shared"), NotesHandle.of(bob, "shared"));
            for (NotesHandle handle : handles) {
                handle.state().subscribe(state -> {});
            }
            for (int batch = 0; batch < 10; batch++) { // batches of 100 stay within the in-flight limit
                List<CompletableFuture<Void>> calls = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    NotesHandle writer = handles.get(random.nextInt(2));
                    calls.add(writer.edit(new Notes.Edit(KINDS[random.nextInt(KINDS.length)], random.nextInt(40),
                            "n" + random.nextInt(10))));
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }

            try (ZocketClient referee = ZocketClient.connect(server.url())) {
                NotesHandle reference = NotesHandle.of(referee, "shared");
                CompletableFuture<Notes.State> serverState = new CompletableFuture<>();
                reference.state().subscribe(serverState::complete);
                Notes.State expected = serverState.get(10, TimeUnit.SECONDS);
                long version = reference.state().version().orElseThrow();
                for (NotesHandle handle : handles) {
                    CompletableFuture<Notes.State> caughtUp = new CompletableFuture<>();
                    handle.state().subscribe(state -> {
                        if (handle.state().version().orElseThrow() >= version) {
                            caughtUp.complete(state);
                        }
                    });
                    assertEquals(expected, caughtUp.get(10, TimeUnit.SECONDS), "seed " + seed);
                }
            }
        }
    }
}
