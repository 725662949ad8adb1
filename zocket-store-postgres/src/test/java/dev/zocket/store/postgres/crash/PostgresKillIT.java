package dev.zocket.store.postgres.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.counter.CounterHandle;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.StoredState;
import dev.zocket.store.postgres.PostgresExtension;
import dev.zocket.store.postgres.PostgresSettings;
import dev.zocket.store.postgres.PostgresStateStore;
import dev.zocket.store.postgres.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash safety with PostgreSQL: a server in a child JVM takes increments over many connections,
 * is killed with SIGKILL mid-load, and restarts on the same database, several times over. After
 * each kill every acknowledged increment is stored, at most the one call per connection that was
 * in flight was applied unacknowledged (and only once), and every counter's versions run
 * 1, 2, 3, ... without a gap.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(300)
class PostgresKillIT {

    private static final int CONNECTIONS = 16;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final int KILLS = 3;
    private static final String ACTOR = "counter";
    private static final Pattern COUNT = Pattern.compile("\"count\":(-?[0-9.eE+-]+)");

    @Test
    void acknowledgedIncrementsSurviveSigkillAndNoneIsAppliedTwice(TestDatabase database) throws Exception {
        PostgresSettings settings = new PostgresSettings(database.jdbcUrl(), database.user(), null);
        long[] stored = new long[CONNECTIONS];
        for (int kill = 1; kill <= KILLS; kill++) {
            List<Load> loads = new ArrayList<>();
            try (ChildJvm server = ChildJvm.start(CrashServerMain.class, database.jdbcUrl(), database.user())) {
                CountDownLatch acknowledged = new CountDownLatch(ACKS_BEFORE_KILL);
                for (int i = 0; i < CONNECTIONS; i++) {
                    loads.add(new Load(server.url(), "c" + i, acknowledged));
                }
                loads.forEach(Load::start);
                assertTrue(acknowledged.await(120, TimeUnit.SECONDS), "the server acknowledged too few increments");
                server.kill();
                for (Load load : loads) {
                    load.join();
                }
            }
            try (PostgresStateStore store = PostgresStateStore.open(settings)) {
                for (int i = 0; i < CONNECTIONS; i++) {
                    Load load = loads.get(i);
                    load.checkAcknowledgementsFollow(stored[i]);
                    long count = storedCount(store, load.counter);
                    long lastAcknowledged = stored[i] + load.acknowledged.size();
                    if (count != lastAcknowledged && count != lastAcknowledged + 1) {
                        fail("after kill " + kill + ", " + load.counter + " stores " + count + " but "
                                + lastAcknowledged + " was acknowledged (one more may have been in flight)");
                    }
                    checkVersionsContiguous(store, load.counter);
                    stored[i] = count;
                }
            }
        }
        // Activation restores the stored state: the next increment counts on from it.
        try (ChildJvm server = ChildJvm.start(CrashServerMain.class, database.jdbcUrl(), database.user());
                ZocketClient client = ZocketClient.builder(server.url()).reconnect(false).build()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                double next = CounterHandle.of(client, "c" + i).increment().get(30, TimeUnit.SECONDS);
                assertEquals(stored[i] + 1, (long) next, "c" + i + " did not continue from its stored count");
            }
        }
    }

    private static long storedCount(PostgresStateStore store, String counter) {
        StoredState state = store.load(ACTOR, counter)
                .orElseThrow(() -> new AssertionError(counter + " has no stored state"));
        Matcher count = COUNT.matcher(state.snapshot());
        assertTrue(count.find(), "no count in " + state.snapshot());
        return (long) Double.parseDouble(count.group(1));
    }

    private static void checkVersionsContiguous(PostgresStateStore store, String counter) {
        long version = store.load(ACTOR, counter).orElseThrow().version();
        List<Long> versions = store.history(ACTOR, counter, Long.MAX_VALUE, Integer.MAX_VALUE).stream()
                .map(Change::version).toList();
        List<Long> expected = new ArrayList<>();
        for (long v = version; v >= 1; v--) {
            expected.add(v);
        }
        assertEquals(expected, versions, counter + "'s change log is not 1.." + version);
    }

    /** One connection incrementing its own counter, one call at a time, until the server dies. */
    private static final class Load extends Thread {

        final String counter;
        final List<Long> acknowledged = new ArrayList<>();
        private final String url;
        private final CountDownLatch acknowledgements;

        Load(String url, String counter, CountDownLatch acknowledgements) {
            super("load-" + counter);
            this.url = url;
            this.counter = counter;
            this.acknowledgements = acknowledgements;
        }

        @Override
        public void run() {
            try (ZocketClient client = ZocketClient.builder(url).reconnect(false).rpcTimeout(Duration.ofSeconds(30)).build()) {
                CounterHandle handle = CounterHandle.of(client, counter);
                while (true) {
                    double count = handle.increment().get(60, TimeUnit.SECONDS);
                    synchronized (this) {
                        acknowledged.add((long) count);
                    }
                    acknowledgements.countDown();
                }
            } catch (ExecutionException | TimeoutException | RuntimeException serverGone) {
                // The kill: the call in flight, if any, is unacknowledged.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Each acknowledged result is one more than the last: none applied twice, none lost. */
        synchronized void checkAcknowledgementsFollow(long start) {
            for (int i = 0; i < acknowledged.size(); i++) {
                assertEquals(start + i + 1, acknowledged.get(i), counter + "'s acknowledged results " + acknowledged);
            }
        }
    }
}
