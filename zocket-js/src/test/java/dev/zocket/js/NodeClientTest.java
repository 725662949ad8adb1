package dev.zocket.js;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.ZocketServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the Node tests ({@code node --test}): {@code test/client.test.js} against a real Zocket
 * server on an ephemeral port, serving the {@code tally} actor (the JavaScript client's calls,
 * events, state and reconnect over real sockets, with the server the users of the client have),
 * and {@code test/resume.test.js} against a scripted server (resume and exactly-once answers a
 * server may or may not give).
 *
 * <p>Node 20.10+ has a global {@code WebSocket} behind {@code --experimental-websocket}, which
 * the test uses when Node accepts the flag; on older Node the tests use the {@code ws} package.
 */
@Timeout(180)
class NodeClientTest {

    private ZocketServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = ZocketServer.builder()
                .actor(TallyBinding.INSTANCE, TallyActor::new)
                .host("127.0.0.1")
                .port(0)
                .start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void theNodeTestsPassAgainstTheJavaServer() throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        if (acceptsFlag("--experimental-websocket")) {
            command.add("--experimental-websocket");
        }
        command.addAll(List.of("--test", "--test-reporter=spec", "test/client.test.js", "test/resume.test.js"));
        Path output = Files.createTempFile("zocket-node-test", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("ZOCKET_URL", server.url());
        Process node = builder.start();
        node.getOutputStream().close();
        boolean finished = node.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertEquals(0, finished ? node.exitValue() : -1, "node --test failed:\n" + log);
    }

    private static boolean acceptsFlag(String flag) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("node", flag, "-e", "0").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
