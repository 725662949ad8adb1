package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zocket.example.draw.DrawingRoom.Attempt;
import dev.zocket.example.draw.DrawingRoom.Join;
import dev.zocket.example.draw.DrawingRoom.Phase;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test kit runs the same views as the server: kit clients see their view, the kit the state. */
class WordViewsInTestKitTest {

    private final ZocketTestKit kit = ZocketTestKit.builder()
            .actor(DrawingRoomBinding.INSTANCE, context -> new DrawingRoomActor(context))
            .build();

    @AfterEach
    void close() {
        kit.close();
    }

    private static State seen(DrawingRoomHandle handle) {
        return handle.state().snapshot().orElseThrow();
    }

    @Test
    void eachClientSeesItsViewWhileTheKitSeesTheWholeState() {
        TestClient annClient = kit.newClient();
        TestClient bobClient = kit.newClient();
        DrawingRoomHandle ann = DrawingRoomHandle.of(annClient, "room");
        DrawingRoomHandle bob = DrawingRoomHandle.of(bobClient, "room");
        ann.state().subscribe(state -> {});
        bob.state().subscribe(state -> {});
        ann.join(new Join("Ann")).join();
        String bobId = bob.join(new Join("Bob")).join().playerId();
        ann.startRound().join();

        String word = kit.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().word();
        assertFalse(word.isEmpty());
        assertEquals(word, seen(ann).word(), "the drawer sees the word");
        assertEquals("", seen(bob).word(), "the guesser does not");
        assertEquals(seen(ann).withWord(""), seen(bob), "and sees everything else");

        bob.guess(new Attempt(bobId, word)).join();
        assertEquals(Phase.ROUND_END, seen(bob).phase());
        assertEquals(word, seen(bob).word(), "the word is revealed once the round is over");
    }
}
