package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sockets that send half an HTTP request to the HTTP port and then wait. */
final class HalfSentHttp implements Attack {

    private static final int SOCKETS = 50;

    @Override
    public String name() {
        return "half-sent-http";
    }

    @Override
    public String description() {
        return SOCKETS + " sockets each send half a GET /health and stop";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        byte[] half = ("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + server.httpPort() + "\r\nUser-Agent: half")
                .getBytes(StandardCharsets.US_ASCII);
        Parallel.run(SOCKETS, 4, Bounds.of(Duration.ofSeconds(10)), i -> {
            Socket socket = engagement.hold(new Socket());
            socket.connect(new InetSocketAddress("127.0.0.1", server.httpPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(half);
            out.flush();
        });
        return engagement;
    }
}
