package dev.zocket.server.internal.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.Handshakedata;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one upgrade request: the server's {@link UpgradeRequest} against Java-WebSocket's own
 * reader, on an ordinary request and on one padded to just under the 64 KiB limit with 5-byte
 * header lines (what the hostile suite's {@code header-flood} sends). In the server's package,
 * because the reader is internal to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UpgradeRequestBenchmark {

    @Param({"ordinary", "padded"})
    public String request;

    private byte[] bytes;

    @Setup
    public void setUp() {
        String upgrade = "GET /?token=abc HTTP/1.1\r\nHost: 127.0.0.1:3001\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nUser-Agent: Java-http-client/17\r\n";
        StringBuilder text = new StringBuilder(upgrade);
        if (request.equals("padded")) {
            while (text.length() < 63 * 1024) {
                text.append("X:1\r\n");
            }
        }
        bytes = text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public Handshakedata ours() throws InvalidHandshakeException {
        return UpgradeRequest.read(ByteBuffer.wrap(bytes));
    }

    @Benchmark
    public Handshakedata javaWebSocket() throws InvalidHandshakeException {
        return Draft.translateHandshakeHttp(ByteBuffer.wrap(bytes), Role.SERVER);
    }
}
