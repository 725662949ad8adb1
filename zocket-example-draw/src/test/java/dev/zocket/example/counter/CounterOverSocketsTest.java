package dev.zocket.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.counter.Counter.Action;
import dev.zocket.example.counter.Counter.Changed;
import dev.zocket.example.counter.Counter.SetValue;
import dev.zocket.example.counter.Counter.State;
import dev.zocket.example.draw.DrawServer;
import dev.zocket.server.ZocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The counter takes any JSON number, as the original's {@code z.number()} does, over real
 * sockets: through the typed Java handle and through raw frames as a browser sends them.
 */
@Timeout(60)
class CounterOverSocketsTest {

    private ZocketServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = DrawServer.start(0, 0, "127.0.0.1");
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void theTypedHandleSetsAFractionalNegativeCountAndCountsOnFromIt() throws Exception {
        try (ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "fractions");
            BlockingQueue<State> states = new LinkedBlockingQueue<>();
            BlockingQueue<Changed> changes = new LinkedBlockingQueue<>();
            counter.state().subscribe(states::add);
            counter.onChanged(changes::add);

            assertEquals(-3.5, counter.set(new SetValue(-3.5)).get(10, TimeUnit.SECONDS));
            assertEquals(-2.5, counter.increment().get(10, TimeUnit.SECONDS));
            assertEquals(0.1 + 1e-9, counter.set(new SetValue(0.1 + 1e-9)).get(10, TimeUnit.SECONDS));

            awaitState(states, s -> s.count() == 0.1 + 1e-9); // every digit survives the round trip
            assertEquals(new Changed(-3.5, 0, Action.SET, client.clientId().orElseThrow()), changes.poll(10, TimeUnit.SECONDS));
            assertEquals(new Changed(-2.5, 1, Action.INCREMENT, client.clientId().orElseThrow()), changes.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void rawFramesGetTheNumberBackInResultStateAndEvent() throws Exception {
        try (RawSocket socket = RawSocket.open(server.url())) {
            socket.send("{\"type\":\"event:sub\",\"actor\":\"counter\",\"actorId\":\"raw\"}");
            socket.send("{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"raw\"}");
            socket.await(frame -> frame.contains("\"state:snapshot\""));

            socket.send("{\"type\":\"rpc\",\"id\":\"1\",\"actor\":\"counter\",\"actorId\":\"raw\",\"method\":\"set\","
                    + "\"input\":{\"value\":-3.5}}");

            assertTrue(socket.await(frame -> frame.contains("\"state:patch\"")).contains("\"value\":-3.5"));
            assertTrue(socket.await(frame -> frame.contains("\"changed\"")).contains("\"count\":-3.5"));
            assertEquals("{\"type\":\"rpc:result\",\"id\":\"1\",\"result\":-3.5}",
                    socket.await(frame -> frame.contains("\"rpc:result\"")));
        }
    }

    @Test
    void whatIsNotAFiniteNumberIsRefusedByName() throws Exception {
        try (RawSocket socket = RawSocket.open(server.url())) {
            socket.send(setFrame("2", "{\"value\":1e999}"));
            assertEquals("{\"type\":\"rpc:result\",\"id\":\"2\",\"error\":\"Validation failed for set: "
                    + "[value: must be a finite number]\",\"code\":\"bad_request\"}",
                    socket.await(frame -> frame.contains("\"id\":\"2\"")));

            socket.send(setFrame("3", "{\"value\":\"3\"}"));
            assertTrue(socket.await(frame -> frame.contains("\"id\":\"3\"")).contains("\"code\":\"bad_request\""));

            socket.send(setFrame("4", "{\"value\":12}"));
            assertEquals("{\"type\":\"rpc:result\",\"id\":\"4\",\"result\":12.0}",
                    socket.await(frame -> frame.contains("\"id\":\"4\"")), "a whole number is still a number");
        }
    }

    private static String setFrame(String id, String input) {
        return "{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"counter\",\"actorId\":\"refused\",\"method\":\"set\","
                + "\"input\":" + input + "}";
    }

    private static State awaitState(BlockingQueue<State> states, Predicate<State> condition) throws InterruptedException {
        while (true) {
            State state = states.poll(10, TimeUnit.SECONDS);
            if (state == null) {
                throw new AssertionError("no matching state within 10 s");
            }
            if (condition.test(state)) {
                return state;
            }
        }
    }

    /** A WebSocket that sends and receives text frames as they are, with the JDK's client. */
    private static final class RawSocket implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static RawSocket open(String url) throws Exception {
            RawSocket raw = new RawSocket();
            raw.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), raw).get(10, TimeUnit.SECONDS);
            return raw;
        }

        void send(String frame) throws Exception {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }

        /** The next frame that matches, skipping the others. */
        String await(Predicate<String> condition) throws InterruptedException {
            while (true) {
                String frame = frames.poll(10, TimeUnit.SECONDS);
                if (frame == null) {
                    throw new AssertionError("no matching frame within 10 s");
                }
                if (condition.test(frame)) {
                    return frame;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            socket.abort();
        }
    }
}
