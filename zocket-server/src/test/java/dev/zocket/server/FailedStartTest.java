package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A start that fails half-way leaves nothing behind: no port bound, no thread running. */
@Timeout(60)
class FailedStartTest {

    @Test
    void aTakenHttpPortReleasesTheWebSocketPortAndEveryThread() throws Exception {
        Set<Thread> before = Set.copyOf(zocketThreads());
        int webSocketPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            webSocketPort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException failure = assertThrows(IOException.class, () -> TestServer.builder(new Recorder())
                    .port(webSocketPort).httpPort(taken.getLocalPort()).start());
            assertTrue(failure.getMessage().contains(String.valueOf(taken.getLocalPort())), failure.getMessage());
        }
        try (ServerSocket again = new ServerSocket(webSocketPort, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(webSocketPort, again.getLocalPort(), "the WebSocket port is free again");
        }
        List<Thread> started = zocketThreads();
        started.removeAll(before); // threads of servers other tests ran may still be winding down
        for (Thread thread : started) {
            thread.join(10_000);
        }
        assertEquals(List.of(), started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList()),
                "no server thread outlives the failed start");
    }

    private static List<Thread> zocketThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("zocket-") && thread.isAlive())
                .collect(Collectors.toList());
    }
}
