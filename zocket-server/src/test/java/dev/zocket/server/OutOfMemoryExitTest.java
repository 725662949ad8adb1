package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.server.internal.transport.FatalErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose I/O thread runs out of memory exits instead of lingering as a zombie: a child
 * JVM with a small heap is made to assemble a frame larger than its heap.
 */
@Timeout(120)
class OutOfMemoryExitTest {

    /** The child: a server allowing frames far larger than its heap; prints its port. */
    public static void main(String[] args) throws Exception {
        ZocketServer server = TestServer.builder(new Recorder()).maxFrameBytes(512 * 1024 * 1024).start();
        System.out.println("port " + server.port());
        System.out.flush();
        server.awaitStop();
    }

    @Test
    void outOfMemoryOnAnIoThreadEndsTheProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                OutOfMemoryExitTest.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("port ")) {
                // logging before the port line
            }
            assertTrue(line != null, "the child printed its port");
            int port = Integer.parseInt(line.substring("port ".length()).strip());
            Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
            drain.setDaemon(true);
            drain.start();
            try (StalledSocket socket = new StalledSocket(port)) {
                long payload = 400L * 1024 * 1024;
                byte[] header = {(byte) 0x82, (byte) (0x80 | 127), 0, 0, 0, 0,
                        (byte) (payload >>> 24), (byte) (payload >>> 16), (byte) (payload >>> 8), (byte) payload, 0, 0, 0, 0};
                socket.sendRaw(header);
                byte[] chunk = new byte[1024 * 1024];
                for (long sent = 0; sent < payload && child.isAlive(); sent += chunk.length) {
                    socket.sendRaw(chunk);
                }
            } catch (IOException cut) {
                // the child died while we were sending: what this test provokes
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exited");
            assertEquals(FatalErrors.EXIT_STATUS, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }
}
