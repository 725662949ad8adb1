package dev.zocket.hostile.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain socket: it completes the upgrade and then does exactly what
 * its caller says, byte by byte if need be. It reads only when asked to, so a caller that never
 * asks is a client that never reads.
 */
public final class WsSocket implements AutoCloseable {

    /** One frame the server sent. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private DataInputStream in;

    private WsSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** A TCP connection to 127.0.0.1:{@code port}, not yet upgraded. */
    public static WsSocket open(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return new WsSocket(socket);
    }

    /** An upgraded connection; the server's {@code welcome} is left unread. */
    public static WsSocket connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** An upgraded connection with a small receive buffer, so the server must queue what it sends. */
    public static WsSocket connect(int port, int receiveBufferBytes) throws IOException {
        WsSocket socket = open(port, receiveBufferBytes);
        socket.sendRaw(upgradeRequest(port));
        socket.readUpgradeResponse();
        return socket;
    }

    /** The bytes of an upgrade request to {@code /}. */
    public static byte[] upgradeRequest(int port) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the server's answer to an upgrade request, failing unless it is {@code 101 Switching Protocols}. */
    public void readUpgradeResponse() throws IOException {
        InputStream raw = socket.getInputStream();
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = raw.read();
            if (b < 0) {
                throw new IOException("Connection closed during the upgrade: " + headers);
            }
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String response = headers.toString(StandardCharsets.US_ASCII);
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("Upgrade refused: " + response.lines().findFirst().orElse(""));
        }
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void sendText(String text) throws IOException {
        sendRaw(Frames.text(text));
    }

    /** The next frame from the server, waiting up to the read timeout (10 s unless changed). */
    public Frame readFrame() throws IOException {
        if (in == null) {
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        }
        int first = in.readUnsignedByte();
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** The next text frame's text, skipping control frames; fails on a close frame. */
    public String readText() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == Frames.TEXT) {
                return frame.text();
            }
            if (frame.opcode() == Frames.CLOSE) {
                throw new IOException("Closed by the server with " + Frames.closeCode(frame.payload()));
            }
        }
    }

    /**
     * Reads until the server closes: its close code, or 1006 if the connection ended without a
     * close frame.
     */
    public int readUntilClosed() throws IOException {
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == Frames.CLOSE) {
                    return Frames.closeCode(frame.payload());
                }
            }
        } catch (EOFException | SocketException ended) {
            return 1006;
        }
    }

    /** Reads and discards everything on a daemon thread, as a well-behaved but uninterested client would. */
    public void drainInBackground() {
        Thread drain = new Thread(() -> {
            try {
                socket.setSoTimeout(0);
                InputStream raw = socket.getInputStream();
                byte[] sink = new byte[16 * 1024];
                while (raw.read(sink) >= 0) {
                    // discard
                }
            } catch (IOException ended) {
                // the connection ended; so does the drain
            }
        }, "hostile-drain");
        drain.setDaemon(true);
        drain.start();
    }

    public void setReadTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    /** Drops the connection with a TCP reset, without a close frame. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Whether the server has ended the connection: a read sees end of stream or a reset. */
    public boolean isEndedByServer(int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        try {
            return socket.getInputStream().read(new byte[1024]) < 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
