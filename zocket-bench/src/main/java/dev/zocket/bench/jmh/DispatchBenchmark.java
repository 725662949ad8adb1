package dev.zocket.bench.jmh;

import dev.zocket.example.draw.DrawingRoom.Stroke;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one RPC costs the server, network aside: parse the frame, decode and validate the input,
 * run the handler, diff the state, encode the patch for a subscriber and the result for the caller.
 * Without a subscriber ({@code watched=false}) the state's size limit is still checked on every change.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatchBenchmark {

    private static final String INCREMENT = "{\"type\":\"rpc\",\"id\":\"r\",\"actor\":\"counter\",\"actorId\":\"bench\","
            + "\"method\":\"increment\"}";

    private static final String KEYED_INCREMENT_START = "{\"type\":\"rpc\",\"id\":\"r\",\"actor\":\"counter\","
            + "\"actorId\":\"bench\",\"method\":\"increment\",\"idempotencyKey\":\"bench-";

    /** How many strokes a round starts with. */
    @Param({"0", "10000"})
    public int strokes;

    /** Whether a client is subscribed to the state and events; without one, no patch is sent. */
    @Param({"true", "false"})
    public boolean watched;

    private InProcessHost host;
    private final InProcessHost.Capture callerConnection = new InProcessHost.Capture();
    private Session caller;
    private String drawFrame;
    private int draws;
    private long keyedCalls;

    @Setup
    public void setUp() {
        Random random = new Random(2);
        List<Stroke> canvas = new ArrayList<>(strokes);
        for (int i = 0; i < strokes; i++) {
            canvas.add(Strokes.stroke(random));
        }
        host = new InProcessHost(context -> new PrefilledDrawingRoom(context, canvas));
        caller = host.connect(callerConnection);
        if (watched) {
            Session watcher = host.connect(new InProcessHost.Capture());
            host.receive(watcher, "{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"bench\"}");
            host.receive(watcher, "{\"type\":\"state:sub\",\"actor\":\"draw\",\"actorId\":\"bench\"}");
            host.receive(watcher, "{\"type\":\"event:sub\",\"actor\":\"counter\",\"actorId\":\"bench\"}");
        }
        host.receive(caller, "{\"type\":\"rpc\",\"id\":\"j1\",\"actor\":\"draw\",\"actorId\":\"bench\",\"method\":\"join\","
                + "\"input\":{\"name\":\"Ann\"}}");
        host.receive(host.connect(new InProcessHost.Capture()), "{\"type\":\"rpc\",\"id\":\"j2\",\"actor\":\"draw\","
                + "\"actorId\":\"bench\",\"method\":\"join\",\"input\":{\"name\":\"Bob\"}}");
        startRound();
        drawFrame = Strokes.drawFrame(new Random(1), "d");
    }

    private void startRound() {
        host.receive(caller, "{\"type\":\"rpc\",\"id\":\"s\",\"actor\":\"draw\",\"actorId\":\"bench\",\"method\":\"startRound\"}");
    }

    /** counter.increment: no input; one patch and one event for the subscriber. */
    @Benchmark
    public OutgoingMessage counterIncrement() {
        host.receive(caller, INCREMENT);
        return callerConnection.last;
    }

    /**
     * counter.increment as the Java client sends it, with an idempotency key: the call is also
     * digested and its outcome remembered. Building the frame (a string concatenation) is timed too.
     */
    @Benchmark
    public OutgoingMessage counterIncrementKeyed() {
        host.receive(caller, KEYED_INCREMENT_START + (++keyedCalls) + "\"}");
        return callerConnection.last;
    }

    /**
     * Every 1,000 draws, a new round with {@link #strokes} strokes on the canvas, outside the
     * measured time (starting a round of 10,000 strokes sends them all to the watcher, which is
     * not what {@link #drawStroke} measures). Per-invocation setup costs two clock reads, noise
     * beside a draw's tens of microseconds.
     */
    @Setup(Level.Invocation)
    public void keepRoundSize() {
        if (++draws % 1_000 == 0) {
            startRound();
        }
    }

    /**
     * draw.draw with a 20-point stroke, into a round holding {@link #strokes} to
     * {@code strokes + 999} strokes: decode and validate the stroke, append it, diff the state,
     * one {@code add} patch for the watcher.
     */
    @Benchmark
    public OutgoingMessage drawStroke() {
        host.receive(caller, drawFrame);
        return callerConnection.last;
    }
}
