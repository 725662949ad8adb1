package dev.zocket.bench.jmh;

import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.session.Session;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one RPC costs the server, network aside: parse the frame, decode and validate the input,
 * run the handler, diff the state, encode the patch for a subscriber and the result for the caller.
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

    private InProcessHost host;
    private final InProcessHost.Capture callerConnection = new InProcessHost.Capture();
    private Session caller;
    private String drawFrame;
    private int draws;

    @Setup
    public void setUp() {
        host = new InProcessHost();
        caller = host.connect(callerConnection);
        Session watcher = host.connect(new InProcessHost.Capture());
        host.receive(watcher, "{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"bench\"}");
        host.receive(watcher, "{\"type\":\"state:sub\",\"actor\":\"draw\",\"actorId\":\"bench\"}");
        host.receive(watcher, "{\"type\":\"event:sub\",\"actor\":\"counter\",\"actorId\":\"bench\"}");
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
     * draw.draw with a 20-point stroke, into a round with 0 to 999 strokes (a new round starts
     * every 1,000 draws): decode and validate the stroke, append it, one {@code add} patch.
     */
    @Benchmark
    public OutgoingMessage drawStroke() {
        if (++draws % 1_000 == 0) {
            startRound();
        }
        host.receive(caller, drawFrame);
        return callerConnection.last;
    }
}
