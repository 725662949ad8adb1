package dev.zocket.docs.client;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.Subscription;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.InFlightCalls;
import dev.zocket.client.ZocketClient;
import dev.zocket.docs.chat.ChatRoom;
import dev.zocket.docs.chat.ChatRoomHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/** The examples of docs/client.md, run by ChatClientDocsTest against a real server. */
public final class ChatClient {

    /** What the example observed, for the test to check. */
    public final List<String> log = new CopyOnWriteArrayList<>();

    public void run(String url) {
        // tag::connect[]
        ZocketClient client = ZocketClient.builder(url)
                .rpcTimeout(Duration.ofSeconds(5))
                .build();
        client.onStatusChange(status -> {
            if (status == ConnectionStatus.RECONNECTING) {
                log.add("connection lost, reconnecting");
            }
        });
        // end::connect[]

        // tag::handle[]
        ChatRoomHandle room = ChatRoomHandle.of(client, "general");
        // end::handle[]

        // tag::listen[]
        Subscription messages = room.onNewMessage(message -> log.add(message.from() + ": " + message.text()));
        Subscription state = room.state().subscribe(current -> log.add(current.messages().size() + " messages"));
        // end::listen[]

        // tag::call[]
        ChatRoom.Sent sent = room.sendMessage(new ChatRoom.Send("hello")).join();
        room.clear().join(); // void methods complete with null once the server has run them
        // end::call[]
        log.add("sent #" + sent.index());

        // tag::errors[]
        try {
            room.sendMessage(new ChatRoom.Send("")).join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RpcException error) {
                log.add(error.code() + ": " + error.getMessage());
                // BAD_REQUEST: Validation failed for sendMessage: [text: must not be blank]
            } else if (failure.getCause() instanceof ConnectionException lost) {
                log.add("not sent: " + lost.getMessage());
            }
        }
        // end::errors[]

        // tag::dispose[]
        messages.cancel();
        state.cancel();
        room.close();
        client.close();
        // end::dispose[]
    }

    /** Clears the room only if nobody changed it since this client last saw it. */
    public void clearIfUnchanged(ChatRoomHandle room) {
        // tag::conditional[]
        long seen = room.state().version().orElseThrow();
        try {
            room.withBaseVersion(seen).clear().join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RpcException error && error.code() == ErrorCode.CONFLICT) {
                log.add("not cleared: the room moved on to version " + error.version().orElseThrow());
            }
        }
        // end::conditional[]
    }

    /** A client for a server that does not honour idempotency keys, such as the original TypeScript one. */
    public static ZocketClient forAServerWithoutIdempotencyKeys(String url) {
        // tag::inFlight[]
        ZocketClient client = ZocketClient.builder(url)
                .inFlightCalls(InFlightCalls.FAIL) // a drop fails the calls in flight with "WebSocket closed"
                .build();
        // end::inFlight[]
        return client;
    }

    /** A client that notices a dead connection within ten seconds instead of thirty. */
    public static ZocketClient quickToNoticeADeadConnection(String url) {
        // tag::heartbeat[]
        ZocketClient client = ZocketClient.builder(url)
                .heartbeatInterval(Duration.ofSeconds(5)) // ping after 5 s of silence, drop after 10 s
                .build();
        // end::heartbeat[]
        return client;
    }
}
