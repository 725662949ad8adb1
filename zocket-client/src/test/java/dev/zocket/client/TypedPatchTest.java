package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zocket.client.fixtures.Sketch;
import dev.zocket.client.fixtures.SketchActor;
import dev.zocket.client.fixtures.SketchBinding;
import dev.zocket.client.fixtures.SketchHandle;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.spi.ActorChannel;
import dev.zocket.spi.HandleFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The client patches the typed state with the generated applier: the result is what a full
 * decode gives, untouched parts are shared between versions, and what the applier does not
 * follow still ends in the right state through the JSON.
 */
@Timeout(120)
class TypedPatchTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final String[] EDITS = {"draw", "draw", "extend", "recolor", "undo", "erase", "clear", "join",
        "join", "leave", "score", "word", "phase", "round", "heat"};

    @Test
    void aWatcherPatchingTypedStateEndsWithTheServerStateAfterRandomEdits() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ZocketServer server = TestServer.builder(new Recorder()).actor(SketchBinding.INSTANCE, SketchActor::new)
                        .start();
                ZocketClient writer = ZocketClient.connect(server.url());
                ZocketClient watcher = ZocketClient.connect(server.url())) {
            SketchHandle drawing = SketchHandle.of(writer, "random");
            SketchHandle watched = SketchHandle.of(watcher, "random");
            watched.state().subscribe(state -> {});
            for (int batch = 0; batch < 6; batch++) {
                List<CompletableFuture<Void>> calls = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String kind = EDITS[random.nextInt(EDITS.length)];
                    String text = kind.equals("word") && random.nextInt(3) == 0 ? "" : "t" + random.nextInt(5);
                    calls.add(drawing.edit(new Sketch.Edit(kind, random.nextInt(40) - 10, text)));
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }

            try (ZocketClient referee = ZocketClient.connect(server.url())) {
                SketchHandle reference = SketchHandle.of(referee, "random");
                CompletableFuture<Sketch.State> fromSnapshot = new CompletableFuture<>();
                reference.state().subscribe(fromSnapshot::complete);
                JsonNode expected = JSON.toTree(fromSnapshot.get(10, TimeUnit.SECONDS));
                // The state a listener is given, not version(), which may already be a later update's.
                BlockingQueue<JsonNode> seen = new LinkedBlockingQueue<>();
                watched.state().subscribe(state -> seen.add(JSON.toTree(state)));
                JsonNode last = null;
                for (JsonNode next; !expected.equals(last) && (next = seen.poll(10, TimeUnit.SECONDS)) != null; ) {
                    last = next;
                }
                assertEquals(expected, last, "seed " + seed);
            }
        }
    }

    @Test
    void aPatchRebuildsOnlyThePathToTheChange() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).actor(SketchBinding.INSTANCE, SketchActor::new)
                        .start();
                ZocketClient writer = ZocketClient.connect(server.url());
                ZocketClient watcher = ZocketClient.connect(server.url())) {
            SketchHandle drawing = SketchHandle.of(writer, "shared");
            SketchHandle watched = SketchHandle.of(watcher, "shared");
            BlockingQueue<Sketch.State> states = new LinkedBlockingQueue<>();
            watched.state().subscribe(states::add);
            drawing.edit(new Sketch.Edit("join", 0, "ann")).get(10, TimeUnit.SECONDS);
            drawing.edit(new Sketch.Edit("draw", 1, "red")).get(10, TimeUnit.SECONDS);
            drawing.edit(new Sketch.Edit("draw", 2, "blue")).get(10, TimeUnit.SECONDS);
            Sketch.State before = await(states, s -> s.strokes().size() == 2);

            drawing.edit(new Sketch.Edit("extend", 1, "")).get(10, TimeUnit.SECONDS);
            Sketch.State after = await(states, s -> s.strokes().get(1).points().size() == 2);

            assertSame(before.strokes().get(0), after.strokes().get(0), "the untouched stroke is shared");
            assertSame(before.strokes().get(1).points().get(0), after.strokes().get(1).points().get(0));
            assertSame(before.players(), after.players(), "untouched members are shared");
            assertSame(before.round(), after.round());
            assertEquals(new Sketch.Point(0.5, -1), after.strokes().get(1).points().get(1));
        }
    }

    @Test
    void patchesTheApplierDoesNotFollowAreAppliedToTheJson() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "odd");
            BlockingQueue<Counter.State> states = new LinkedBlockingQueue<>();
            counter.state().subscribe(states::add);
            server.next();

            server.send(snapshot("odd", "{\"count\":1,\"online\":[\"b\",\"c\"]}", 1));
            server.send(patch("odd", "[{\"op\":\"add\",\"path\":\"/online/0\",\"value\":\"a\"}]", 2)); // an insertion
            server.send(patch("odd", "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":2}]", 3));
            server.send(patch("odd", "[{\"op\":\"test\",\"path\":\"/count\",\"value\":2},"
                    + "{\"op\":\"replace\",\"path\":\"/count\",\"value\":3}]", 4));
            server.send(patch("odd", "[{\"op\":\"move\",\"from\":\"/online/2\",\"path\":\"/online/0\"}]", 5));

            assertEquals(new Counter.State(1, List.of("b", "c")), next(states));
            assertEquals(new Counter.State(1, List.of("a", "b", "c")), next(states));
            assertEquals(new Counter.State(2, List.of("a", "b", "c")), next(states));
            assertEquals(new Counter.State(3, List.of("a", "b", "c")), next(states));
            assertEquals(new Counter.State(3, List.of("c", "a", "b")), next(states));

            server.send(patch("odd", "[{\"op\":\"remove\",\"path\":\"/online/9\"}]", 6)); // applies nowhere
            assertEquals("{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"odd\"}", server.next(),
                    "a patch that applies neither way asks for a fresh snapshot");
            server.send(snapshot("odd", "{\"count\":7,\"online\":[]}", 6));
            server.send(patch("odd", "[{\"op\":\"add\",\"path\":\"/online/-\",\"value\":\"z\"}]", 7));
            assertEquals(new Counter.State(7, List.of()), next(states));
            assertEquals(new Counter.State(7, List.of("z")), next(states));
        }
    }

    @Test
    void aListenerOfAnotherTypeSeesTheTypedPatchesAsJson() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = ZocketClient.connect(server.url())) {
            CounterHandle counter = CounterHandle.of(client, "both");
            BlockingQueue<Counter.State> typed = new LinkedBlockingQueue<>();
            counter.state().subscribe(typed::add);
            ActorChannel raw = client.handle(new RawFactory("counter"), "both");
            BlockingQueue<JsonNode> trees = new LinkedBlockingQueue<>();
            raw.state(JsonType.of(JsonNode.class)).subscribe(trees::add);
            server.next();

            server.send(snapshot("both", "{\"count\":1,\"online\":[\"a\"]}", 1));
            server.send(patch("both", "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":2},"
                    + "{\"op\":\"add\",\"path\":\"/online/-\",\"value\":\"b\"}]", 2));

            assertEquals(new Counter.State(1, List.of("a")), next(typed));
            assertEquals(new Counter.State(2, List.of("a", "b")), next(typed));
            assertEquals(JSON.parse("{\"count\":1,\"online\":[\"a\"]}"), next(trees));
            assertEquals(JSON.parse("{\"count\":2,\"online\":[\"a\",\"b\"]}"), next(trees));
        }
    }

    /** Hands out the untyped channel, for listening to state as a JSON tree. */
    private record RawFactory(String actorName) implements HandleFactory<ActorChannel> {
        @Override
        public ActorChannel create(ActorChannel channel) {
            return channel;
        }
    }

    private static String snapshot(String id, String state, long version) {
        return "{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"" + id + "\",\"state\":" + state
                + ",\"version\":" + version + "}";
    }

    private static String patch(String id, String operations, long version) {
        return "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"" + id + "\",\"patches\":"
                + operations + ",\"version\":" + version + "}";
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(value, "nothing within 10 s");
        return value;
    }

    private static Sketch.State await(BlockingQueue<Sketch.State> states, Predicate<Sketch.State> wanted)
            throws InterruptedException {
        while (true) {
            Sketch.State state = next(states);
            if (wanted.test(state)) {
                return state;
            }
        }
    }
}
