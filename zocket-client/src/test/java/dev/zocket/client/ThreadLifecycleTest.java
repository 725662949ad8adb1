package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.Counter;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client's threads live only while a client is open, so a program can simply end. */
@Timeout(120)
class ThreadLifecycleTest {

    private static final String PREFIX = "zocket-client-";

    private static List<Thread> libraryThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(PREFIX)) {
                threads.add(thread);
            }
        }
        return threads;
    }

    private static void assertNoLibraryThreadSurvives(String when) throws InterruptedException {
        List<String> alive = new ArrayList<>();
        for (Thread thread : libraryThreads()) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        assertEquals(List.of(), alive, "library threads still alive " + when);
    }

    /** Calls, state and events, so that every shared thread has had work. */
    private static void use(ZocketClient client, String id) throws Exception {
        CounterHandle counter = CounterHandle.of(client, id);
        CompletableFuture<Counter.State> state = new CompletableFuture<>();
        CompletableFuture<Counter.Changed> changed = new CompletableFuture<>();
        counter.state().subscribe(state::complete);
        counter.onChanged(changed::complete);
        state.get(10, TimeUnit.SECONDS);
        counter.increment().get(10, TimeUnit.SECONDS);
        changed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void noLibraryThreadOutlivesTheLastClientAndTheNextClientStartsThemAgain() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            ZocketClient first = ZocketClient.connect(server.url());
            ZocketClient second = ZocketClient.connect(server.url());
            use(first, "threads-1");
            use(second, "threads-2");
            assertTrue(libraryThreads().stream().allMatch(Thread::isDaemon), "every library thread is a daemon");

            first.close();
            use(second, "threads-3"); // the shared threads stay while a client is open

            second.close();
            assertNoLibraryThreadSurvives("after the last client closed");

            for (int round = 1; round <= 5; round++) {
                try (ZocketClient later = ZocketClient.connect(server.url())) {
                    use(later, "threads-again-" + round);
                }
                assertNoLibraryThreadSurvives("after a client created later closed, round " + round);
            }
        }
    }

    /** Clients opened and closed on several threads at once never find the shared threads stopped under them. */
    @Test
    void clientsOpenedAndClosedConcurrentlyKeepWorking() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    String name = "churn-" + thread;
                    runs.add(threads.submit(() -> {
                        for (int round = 0; round < 10; round++) {
                            try (ZocketClient client = ZocketClient.connect(server.url())) {
                                CounterHandle.of(client, name).increment().get(10, TimeUnit.SECONDS);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertNoLibraryThreadSurvives("after the last of the concurrent clients closed");
        }
    }

    /**
     * Runs {@link ExitingClientMain} in a JVM of its own. Its main connects, uses the client,
     * closes it and returns; the JVM must then exit by itself, and no thread started since must
     * linger once interrupted, which is how {@code mvn exec:java} ends a program.
     */
    @Test
    void aProgramWhoseMainReturnsAfterCloseExits(@TempDir Path directory) throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            Path output = directory.resolve("output.txt");
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    ExitingClientMain.class.getName(), server.url())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean exited = child.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
                fail("The JVM did not exit after main returned:\n" + Files.readString(output));
            }
            String printed = Files.readString(output);
            assertEquals(0, child.exitValue(), printed);
            assertTrue(printed.contains(ExitingClientMain.DONE), printed);
            assertFalse(printed.contains(ExitingClientMain.LINGERING), printed);
        }
    }
}
