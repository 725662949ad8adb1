package dev.zocket.docs.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomActor;
import dev.zocket.server.ZocketServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChatClientDocsTest {

    @Test
    void theClientExampleRunsAgainstARealServer() throws Exception {
        try (ZocketServer server = ZocketServer.builder().actor(ChatRoom.class, ChatRoomActor::new)
                .host("127.0.0.1").port(0).environment(Map.of()).start()) {
            ChatClient example = new ChatClient();
            example.run(server.url());
            assertTrue(example.log.contains("sent #0"), example.log.toString());
            assertTrue(example.log.contains("BAD_REQUEST: Validation failed for sendMessage: [text: must not be blank]"),
                    example.log.toString());
            assertTrue(example.log.stream().anyMatch(line -> line.endsWith(": hello")), example.log.toString());
        }
    }
}
