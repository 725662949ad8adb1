package dev.zocket.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.InFlightCalls;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ClientMessage;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.StateSub;
import dev.zocket.protocol.StateUnsub;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client engine under random orders of what a network and a server can do: links that open
 * late, fail to open, or are reported closed before their opening is; answers that come late or
 * are lost with their link; pings unanswered; time passing at random. The engine runs on the
 * test's thread with a stepped clock, so a seed replays its schedule exactly.
 *
 * <p>The scripted server runs each idempotency key once and answers a repeat with the first
 * result. It sends each change of a counter to its subscribers as a patch before the answer,
 * missing one now and then as a restarted server can, and answers a re-subscription that names
 * a version with the patches since (or, at random, with a snapshot). After the chaos the network
 * heals, and then every call must have succeeded, each with its own result: none stranded, none
 * run twice, none answered with another's result. Every state listener must have seen its
 * counter only go up, and the handle must end at the server's state and version.
 */
class EngineInterleavingTest {

    private static final int SEEDS = Integer.getInteger("zocket.interleavings", 2_000);
    private static final int STEPS = 150;
    private static final int COUNTERS = 3;

    @Test
    void everyCallSucceedsOnceWhateverTheOrderOfLinkEvents() {
        runSchedules(SEEDS, false);
    }

    @Test
    void closingInTheMiddleOfAnyScheduleFailsEveryOpenCall() {
        runSchedules(SEEDS / 4, true);
    }

    /** Runs {@code count} schedules from consecutive seeds; a failure names the seed that replays it. */
    private static void runSchedules(int count, boolean closeAtTheEnd) {
        long base = Long.getLong("zocket.interleavings.seed", System.nanoTime());
        for (int i = 0; i < count; i++) {
            long seed = base + i;
            try {
                new Schedule(seed, closeAtTheEnd).run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Seed " + seed + " (rerun with -Dzocket.interleavings.seed=" + seed
                        + " -Dzocket.interleavings=" + (closeAtTheEnd ? 4 : 1) + "): " + e.getMessage(), e);
            }
        }
    }

    /** One random schedule against one engine. */
    private static final class Schedule {
        private final Random random;
        private final boolean closeAtTheEnd;
        private final SteppedClock clock = new SteppedClock();
        private final Network network;
        private final ClientEngine engine;
        private final List<CounterHandle> counters = new ArrayList<>();
        private final List<CompletableFuture<Integer>> calls = new ArrayList<>();
        /** What each state listener saw, by counter; counters without a listener have none. */
        private final Map<Integer, List<List<Counter.State>>> seen = new HashMap<>();

        Schedule(long seed, boolean closeAtTheEnd) {
            this.random = new Random(seed);
            this.network = new Network(new Random(seed + 1));
            this.closeAtTheEnd = closeAtTheEnd;
            // No call timeout: a call the engine forgot to re-send would wait forever, and show.
            ClientOptions options = new ClientOptions(URI.create("ws://scripted"), Duration.ZERO,
                    Duration.ofSeconds(10), true, Optional.of(Duration.ofMillis(10)), Duration.ofMillis(100),
                    InFlightCalls.RESEND, Duration.ofSeconds(1));
            engine = new ClientEngine(options, network, clock, Runnable::run, JsonCodec.standard());
        }

        void run() {
            engine.start();
            for (int i = 0; i < COUNTERS; i++) {
                counters.add(CounterHandle.of(engine, "counter-" + i));
            }
            listen(0);
            for (int step = 0; step < STEPS; step++) {
                act();
            }
            if (closeAtTheEnd) {
                engine.close();
                for (CompletableFuture<Integer> call : calls) {
                    assertTrue(call.isDone(), "a call is still open after close()");
                    if (call.isCompletedExceptionally()) {
                        Throwable failure = causeOf(call);
                        assertTrue(failure instanceof ConnectionException, "failed with " + failure);
                    }
                }
                network.assertNothingSentAfterClose();
                return;
            }
            heal();
            Set<Integer> results = new HashSet<>();
            for (CompletableFuture<Integer> call : calls) {
                assertTrue(call.isDone(), "a call was never answered: " + network.describe());
                if (call.isCompletedExceptionally()) {
                    fail("a call failed although its link came back: " + causeOf(call));
                }
                assertTrue(results.add(call.join()), "two calls got the same result " + call.join());
            }
            assertEquals(calls.size(), network.runs, "each call ran exactly once on the server");
            network.assertNothingSentAfterClose();
            for (Map.Entry<Integer, List<List<Counter.State>>> listeners : seen.entrySet()) {
                int counter = listeners.getKey();
                Network.Instance server = network.instance("counter-" + counter);
                for (List<Counter.State> states : listeners.getValue()) {
                    assertFalse(states.isEmpty(), "counter-" + counter + ": a listener saw no state");
                    for (int i = 1; i < states.size(); i++) {
                        assertTrue(states.get(i).count() >= states.get(i - 1).count(),
                                "counter-" + counter + " went back: " + states);
                    }
                    assertEquals(server.count, states.get(states.size() - 1).count(),
                            "counter-" + counter + ": the listener's last state is the server's");
                }
                CounterHandle handle = counters.get(counter);
                assertEquals(new Counter.State(server.count, server.online), handle.state().snapshot().orElseThrow(),
                        "counter-" + counter + "'s state");
                assertEquals(server.versions(), handle.state().version().orElseThrow(),
                        "counter-" + counter + "'s version");
            }
        }

        private void listen(int counter) {
            List<Counter.State> states = new CopyOnWriteArrayList<>();
            seen.computeIfAbsent(counter, c -> new ArrayList<>()).add(states);
            counters.get(counter).state().subscribe(states::add);
        }

        private void act() {
            int choice = random.nextInt(100);
            if (choice < 25) {
                calls.add(counters.get(random.nextInt(counters.size())).increment());
            } else if (choice < 40) {
                network.completeAnOpening(random, random.nextInt(4) > 0);
            } else if (choice < 50) {
                network.closeALink(random);
            } else if (choice < 70) {
                network.deliverAnAnswer(random);
            } else if (choice < 74) {
                network.silenceALink(random);
            } else if (choice < 75) {
                listen(random.nextInt(COUNTERS));
            } else {
                clock.advance(Duration.ofMillis(random.nextInt(random.nextInt(10) == 0 ? 3_000 : 50)));
            }
        }

        /**
         * The network stops failing: every opening succeeds, every answer arrives, time passes.
         * One more change to each watched counter shows a listener that missed one that it did.
         */
        private void heal() {
            network.healed = true;
            for (int counter : seen.keySet()) {
                calls.add(counters.get(counter).increment());
            }
            for (int round = 0; round < 200 && !allDone(); round++) {
                network.completeEveryOpening();
                network.deliverEveryAnswer();
                clock.advance(Duration.ofMillis(500));
            }
        }

        private boolean allDone() {
            return calls.stream().allMatch(CompletableFuture::isDone);
        }

        private static Throwable causeOf(CompletableFuture<?> call) {
            try {
                call.get();
                throw new AssertionError("not failed");
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The transport, and the server behind it: runs each idempotency key once. */
    private static final class Network implements Transport {
        final ProtocolCodec protocol = ProtocolCodec.standard();
        final List<Link> links = new ArrayList<>();
        final Map<String, Integer> outcomes = new HashMap<>();
        final Map<String, Instance> instances = new HashMap<>();
        final Random choices;
        int runs;
        boolean healed;

        /**
         * A counter on the server. Each change adds one to the count and the result's name to
         * {@code online}: unlike the count, a list that a patch appends to shows a patch applied
         * twice or missed. Version 0 is the first state.
         */
        static final class Instance {
            final List<String> online = new ArrayList<>();
            int count;

            long versions() {
                return online.size();
            }
        }

        Network(Random choices) {
            this.choices = choices;
        }

        Instance instance(String id) {
            return instances.computeIfAbsent(id, ignored -> new Instance());
        }

        @Override
        public CompletableFuture<Transport.Link> open(URI url, Duration connectTimeout, LinkListener listener) {
            Link link = new Link(listener);
            links.add(link);
            return link.opening;
        }

        void completeAnOpening(Random random, boolean succeed) {
            List<Link> opening = links.stream().filter(link -> !link.opening.isDone()).toList();
            if (opening.isEmpty()) {
                return;
            }
            Link link = opening.get(random.nextInt(opening.size()));
            if (succeed) {
                link.open();
            } else {
                link.closedByNetwork = true;
                link.opening.completeExceptionally(new IOException("connection refused"));
            }
        }

        void completeEveryOpening() {
            for (Link link : List.copyOf(links)) {
                if (!link.opening.isDone()) {
                    link.open();
                }
            }
        }

        /** Cuts a link, opened or still opening: its listener hears it, and its answers are lost. */
        void closeALink(Random random) {
            List<Link> alive = links.stream().filter(link -> !link.closedByNetwork).toList();
            if (!alive.isEmpty()) {
                alive.get(random.nextInt(alive.size())).cut();
            }
        }

        void silenceALink(Random random) {
            List<Link> alive = links.stream().filter(link -> !link.closedByNetwork).toList();
            if (!alive.isEmpty()) {
                alive.get(random.nextInt(alive.size())).answersPings = false;
            }
        }

        void deliverAnAnswer(Random random) {
            List<Link> waiting = links.stream().filter(link -> !link.answers.isEmpty()).toList();
            if (!waiting.isEmpty()) {
                waiting.get(random.nextInt(waiting.size())).deliverOne();
            }
        }

        void deliverEveryAnswer() {
            for (Link link : List.copyOf(links)) {
                while (!link.answers.isEmpty()) {
                    link.deliverOne();
                }
            }
        }

        void assertNothingSentAfterClose() {
            for (Link link : links) {
                assertEquals(List.of(), link.sentAfterClose, "sent on a link after it was reported closed");
            }
        }

        String describe() {
            return links.size() + " links, " + runs + " runs on the server";
        }

        /** One scripted connection. */
        private final class Link implements Transport.Link {
            final LinkListener listener;
            final CompletableFuture<Transport.Link> opening = new CompletableFuture<>();
            final List<String> answers = new ArrayList<>();
            final List<String> sentAfterClose = new ArrayList<>();
            final Set<String> subscribed = new HashSet<>();
            boolean closedByNetwork;
            boolean closeReported;
            boolean answersPings = true;

            Link(LinkListener listener) {
                this.listener = listener;
            }

            void open() {
                if (closedByNetwork) {
                    // Cut before its opening was reported, as the JDK's WebSocket can do.
                    opening.complete(this);
                    return;
                }
                listener.onMessage("{\"type\":\"welcome\",\"clientId\":\"c" + links.indexOf(this) + "\"}");
                opening.complete(this);
            }

            void cut() {
                closedByNetwork = true;
                answers.clear();
                reportClosed(1006, "cut");
            }

            private void reportClosed(int code, String reason) {
                if (!closeReported) {
                    closeReported = true;
                    listener.onClosed(code, reason);
                }
            }

            void deliverOne() {
                listener.onMessage(answers.remove(0));
            }

            @Override
            public void send(String text) {
                if (closeReported) {
                    sentAfterClose.add(text);
                    return;
                }
                if (closedByNetwork || !opening.isDone()) {
                    return; // lost on the way
                }
                ClientMessage message =
                        ((ParseResult.Parsed<ClientMessage>) protocol.parseClientMessage(text)).message();
                if (message instanceof RpcCall call) {
                    run(call);
                } else if (message instanceof StateSub sub) {
                    subscribe(sub);
                } else if (message instanceof StateUnsub unsub) {
                    subscribed.remove(unsub.actorId());
                }
            }

            /** Runs a call once per idempotency key: a patch to every subscriber, then the answer. */
            private void run(RpcCall call) {
                Integer result = outcomes.get(call.idempotencyKey());
                if (result == null) {
                    result = ++runs;
                    outcomes.put(call.idempotencyKey(), result);
                    Instance counter = instance(call.actorId());
                    counter.count++;
                    counter.online.add("r" + result);
                    for (Link link : links) {
                        // Now and then a subscriber misses a change, as after a server's restart:
                        // the next patch's version shows the gap.
                        boolean missed = !healed && choices.nextInt(25) == 0;
                        if (link.subscribed.contains(call.actorId()) && !link.closedByNetwork && !missed) {
                            link.answers.add(patch(call.actorId(), counter, counter.versions()));
                        }
                    }
                }
                answers.add("{\"type\":\"rpc:result\",\"id\":\"" + call.id() + "\",\"result\":" + result + "}");
            }

            /** Resumes from the version named, when it can and feels like it; otherwise a snapshot. */
            private void subscribe(StateSub sub) {
                subscribed.add(sub.actorId());
                Instance counter = instance(sub.actorId());
                long since = sub.since().orElse(-1);
                if (since >= 0 && since <= counter.versions() && choices.nextInt(4) > 0) {
                    for (long version = since + 1; version <= counter.versions(); version++) {
                        answers.add(patch(sub.actorId(), counter, version));
                    }
                    return;
                }
                answers.add("{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"" + sub.actorId()
                        + "\",\"state\":{\"count\":" + counter.count + ",\"online\":" + names(counter.online)
                        + "},\"version\":" + counter.versions() + "}");
            }

            /** The patch that made {@code version}: the count it set, and the name it appended. */
            private static String patch(String actorId, Instance counter, long version) {
                return "{\"type\":\"state:patch\",\"actor\":\"counter\",\"actorId\":\"" + actorId
                        + "\",\"patches\":[{\"op\":\"replace\",\"path\":\"/count\",\"value\":" + version
                        + "},{\"op\":\"add\",\"path\":\"/online/-\",\"value\":\""
                        + counter.online.get((int) version - 1) + "\"}],\"version\":" + version + "}";
            }

            private static String names(List<String> names) {
                return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(",", "[", "]"));
            }

            @Override
            public boolean ping() {
                if (answersPings || healed) {
                    listener.onAlive();
                }
                return true;
            }

            @Override
            public void close() {
                closedByNetwork = true;
                answers.clear();
                reportClosed(1000, "");
            }
        }
    }
}
