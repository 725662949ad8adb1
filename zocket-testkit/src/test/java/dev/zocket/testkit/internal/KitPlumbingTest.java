package dev.zocket.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitPlumbingTest {

    @Test
    void tasksSubmittedByATaskRunAfterItNotInsideIt() {
        DeterministicExecutor executor = new DeterministicExecutor();
        List<String> order = new ArrayList<>();
        executor.execute(() -> {
            order.add("first starts");
            executor.execute(() -> order.add("second"));
            order.add("first ends");
        });
        assertEquals(List.of("first starts", "first ends", "second"), order);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        DeterministicExecutor executor = new DeterministicExecutor();
        List<String> order = new ArrayList<>();
        executor.execute(() -> {
            executor.execute(() -> {
                throw new IllegalStateException("boom");
            });
            executor.execute(() -> order.add("after the failure"));
        });
        assertEquals(List.of("after the failure"), order);
    }

    @Test
    void timersRunInDueOrderOnlyWhenTimeIsAdvanced() {
        ManualTime time = new ManualTime(new DeterministicExecutor());
        List<String> fired = new ArrayList<>();
        time.schedule(Duration.ofSeconds(2), () -> fired.add("2s"));
        time.schedule(Duration.ofSeconds(1), () -> fired.add("1s"));
        time.schedule(Duration.ofSeconds(1), () -> fired.add("1s, second"));
        time.schedule(Duration.ofSeconds(3), () -> fired.add("3s")).cancel();
        time.schedule(Duration.ZERO, () -> fired.add("now"));
        assertEquals(List.of("now"), fired);

        time.advance(Duration.ofMillis(1500));
        assertEquals(List.of("now", "1s", "1s, second"), fired);
        assertEquals(Duration.ofMillis(1500).toNanos(), time.nanoTime());
        time.advance(Duration.ofSeconds(10));
        assertEquals(List.of("now", "1s", "1s, second", "2s"), fired);
    }

    @Test
    void aTimerScheduledByATimerWithinTheWindowAlsoRuns() {
        ManualTime time = new ManualTime(new DeterministicExecutor());
        List<String> fired = new ArrayList<>();
        time.schedule(Duration.ofSeconds(1), () -> {
            fired.add("outer");
            time.schedule(Duration.ofSeconds(1), () -> fired.add("inner"));
        });
        time.advance(Duration.ofSeconds(3));
        assertEquals(List.of("outer", "inner"), fired);
    }
}
