package dev.zocket.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.bench.BenchServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each load scenario at a tiny size, so the generator keeps working. Nothing here asserts a
 * timing: the figures that matter are in docs/benchmarks.md. The closed-loop windows are three
 * seconds, not one, because on a loaded 2-core machine a one-second window once ended before a
 * watching caller's first answer.
 */
@Timeout(120)
class LoadScenariosSmokeTest {

    private static LoadOptions options(String... args) {
        return LoadOptions.parse(args);
    }

    @Test
    void rpcCallsInAClosedLoopOnOwnCounters() throws Exception {
        RpcScenario.Result result = (RpcScenario.Result) LoadGenerator.run(options("--scenario", "rpc",
                "--server", "in-process", "--connections", "3", "--warmup", "0", "--duration", "3"));
        assertTrue(result.calls() > 0, "some calls were answered");
        assertEquals(0, result.errors());
        assertEquals(result.calls(), result.latencyMicros().count(), "every answered call has a latency");
        assertTrue(result.latencyMicros().p50() <= result.latencyMicros().max());
        assertEquals(null, result.cpu().serverSeconds(), "an in-process server's CPU cannot be told apart");
    }

    @Test
    void hotCallersWhoAlsoWatchTheState() throws Exception {
        RpcScenario.Result result = (RpcScenario.Result) LoadGenerator.run(options("--scenario", "hot",
                "--server", "in-process", "--connections", "3", "--watch", "true", "--warmup", "0", "--duration", "3"));
        assertEquals("hot", result.scenario());
        assertTrue(result.watch());
        assertTrue(result.calls() > 0);
        assertEquals(0, result.errors());
    }

    @Test
    void fanoutDeliversEveryChangeToEverySubscriber() throws Exception {
        FanoutScenario.Result result = (FanoutScenario.Result) LoadGenerator.run(options("--scenario", "fanout",
                "--server", "in-process", "--subscribers", "3", "--rate", "50", "--warmup", "0", "--duration", "1"));
        assertTrue(result.changes() > 0, "the writer made changes in the window");
        assertEquals(result.changes() * 3, result.expectedDeliveries());
        assertEquals(result.expectedDeliveries(), result.deliveries(), "no subscriber missed a change");
        assertEquals(0, result.writerErrors());
    }

    @Test
    void connectAgainstASpawnedServerReportsItsMemory() throws Exception {
        ConnectScenario.Result result = (ConnectScenario.Result) LoadGenerator.run(options("--scenario", "connect",
                "--connections", "20", "--duration", "0"));
        assertEquals("spawned", result.server());
        assertEquals(20, result.opened());
        assertEquals(0, result.failed());
        assertEquals(20, result.stillConnected());
        assertEquals(20, result.connectLatencyMicros().count());
        assertNotNull(result.serverHeapBefore(), "the child JVM answered the memory query");
        assertNotNull(result.heapBytesPerConnection());
        assertNotNull(result.cpu().serverSeconds(), "the child's CPU time is read from the OS");
    }

    @Test
    void aServerStartedByCommandIsMeasuredFromProc() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xlog:gc:stdout prints a line before the URL, which is passed over.
        String command = java + " -Xlog:gc:stdout -cp '" + System.getProperty("java.class.path") + "' "
                + BenchServer.class.getName() + " --port 0";
        RpcScenario.Result result = (RpcScenario.Result) LoadGenerator.run(options("--scenario", "rpc",
                "--server-command", command, "--connections", "2", "--warmup", "0", "--duration", "3"));
        assertEquals("command", result.server());
        assertTrue(result.calls() > 0);
        assertEquals(0, result.errors());
        assertNotNull(result.cpu().serverSeconds(), "the server's CPU time is read from /proc");
        assertNotNull(result.cpu().serverSystemSeconds());
        assertFalse(result.cpu().serverSecondsByThread().isEmpty(), "the server's threads are read");
        assertTrue(result.serverResidentBytes() > 0);
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> options("--scenario", "rpc", "--conections", "3"));
        assertTrue(unknown.getMessage().startsWith("Unknown option --conections"), unknown.getMessage());
        IllegalArgumentException scenario = assertThrows(IllegalArgumentException.class,
                () -> options("--scenario", "storm"));
        assertEquals("--scenario must be one of rpc, hot, fanout, connect, got 'storm'", scenario.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> options());
        assertEquals("--scenario must be one of rpc, hot, fanout, connect", missing.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> options("--scenario", "fanout", "--rate", "0"));
        assertEquals("--rate must be a whole number of at least 1, got '0'", zero.getMessage());
    }
}
