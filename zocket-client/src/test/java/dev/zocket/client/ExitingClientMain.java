package dev.zocket.client;

import dev.zocket.server.fixtures.CounterHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A tiny application for {@link ThreadLifecycleTest}: it uses a client against the server at
 * {@code args[0]}, closes it, then ends the threads started since it began the way
 * {@code mvn exec:java} does (interrupt, then a bounded join) and reports any that linger.
 */
public final class ExitingClientMain {

    static final String DONE = "client closed";
    static final String LINGERING = "LINGERING:";

    private ExitingClientMain() {}

    public static void main(String[] args) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ZocketClient client = ZocketClient.connect(args[0])) {
            CounterHandle counter = CounterHandle.of(client, "exiting");
            counter.state().subscribe(state -> {});
            counter.increment().get(30, TimeUnit.SECONDS);
        }
        System.out.println(DONE);
        List<String> lingering = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(thread) && thread != Thread.currentThread()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(5));
                if (thread.isAlive()) {
                    lingering.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
                }
            }
        }
        if (!lingering.isEmpty()) {
            System.out.println(LINGERING + " " + lingering);
        }
    }
}
