package dev.zocket.docs.chat;

import static dev.zocket.state.ImmutableLists.append;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zocket.diff.PatchBuilder;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs what docs/actors.md shows about the chat contract. */
class ChatRoomDocsTest {

    @Test
    void aFreshStateAndAOneLineUpdateProduceOneAppendForClients() {
        ChatRoom.State state = ChatRoomBinding.INSTANCE.initialState();
        ChatRoom.Message message = new ChatRoom.Message("c1", "hello");

        // tag::update[]
        ChatRoom.State next = state.withMessages(append(state.messages(), message));
        // end::update[]

        PatchBuilder patch = new PatchBuilder();
        ChatRoomBinding.INSTANCE.differ().diff(state, next, patch);
        assertEquals(List.of(), state.messages());
        assertSame(message, next.messages().get(0));
        assertEquals("[{\"op\":\"add\",\"path\":\"/messages/-\",\"value\":{\"from\":\"c1\",\"text\":\"hello\"}}]",
                JsonCodec.standard().toJson(JsonPatch.of(patch.operations()).toJson()));
    }

    @Test
    void gameStateDefaultsComeFromTheNoArgumentConstructor() {
        assertEquals(new Game.State(), GameBinding.INSTANCE.initialState());
        assertEquals(List.of("join", "startRound", "round", "draw"),
                GameBinding.INSTANCE.methods().stream().map(m -> m.name()).toList());
    }
}
