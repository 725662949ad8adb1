package dev.zocket.bench.jmh;

import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoomActor;
import dev.zocket.example.draw.DrawingRoomBinding;
import dev.zocket.example.draw.DrawingRoomHandle;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two hundred actor unit tests written with the test kit, as one operation: each builds a kit,
 * connects two players, plays a round with a stroke, a wrong and a right guess, and checks the
 * outcome.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TestKitBenchmark {

    static final int TESTS = 200;
    private static final DrawingRoom.Stroke STROKE = new DrawingRoom.Stroke(
            List.of(new DrawingRoom.Point(1, 2), new DrawingRoom.Point(3, 4)), "#000", 2);

    @Benchmark
    public int twoHundredActorTests() {
        int scores = 0;
        for (int i = 0; i < TESTS; i++) {
            scores += oneTest();
        }
        return scores;
    }

    /** One test: returns the winner's score, which must be 10. */
    static int oneTest() {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(DrawingRoomBinding.INSTANCE, DrawingRoomActor::new).build()) {
            TestClient ann = kit.newClient();
            TestClient bob = kit.newClient();
            DrawingRoomHandle annRoom = DrawingRoomHandle.of(ann, "room");
            DrawingRoomHandle bobRoom = DrawingRoomHandle.of(bob, "room");
            annRoom.join(new DrawingRoom.Join("Ann")).join();
            String bobId = bobRoom.join(new DrawingRoom.Join("Bob")).join().playerId();
            annRoom.startRound().join();
            annRoom.draw(new DrawingRoom.Draw(STROKE)).join();
            bobRoom.guess(new DrawingRoom.Attempt(bobId, "wrong")).join();
            String word = kit.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().word();
            if (!bobRoom.guess(new DrawingRoom.Attempt(bobId, word)).join().correct()) {
                throw new AssertionError("the right word was not accepted");
            }
            return kit.state(DrawingRoomBinding.INSTANCE, "room").orElseThrow().players().get(1).score();
        }
    }
}
