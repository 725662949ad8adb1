package dev.zocket.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket client that completes the handshake, sends frames, and then never reads: what a
 * stalled phone on a bad network looks like to the server. Its receive buffer is made small so
 * the server's own queue, not the kernel's, has to absorb what it is sent.
 */
final class StalledSocket implements AutoCloseable {

    private final Socket socket = new Socket();

    StalledSocket(int port) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000); // for the handshake's answer; reading later sets its own
        String key = Base64.getEncoder().encodeToString("zocket-stalled-16".substring(0, 16).getBytes(StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        readHeaders(socket.getInputStream());
    }

    /** Reads an upgrade response's headers, failing unless it is {@code 101 Switching Protocols}. */
    static void readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed during the handshake: " + headers);
            }
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String response = headers.toString(StandardCharsets.US_ASCII);
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + response);
        }
    }

    /** Sends bytes as they are, for frames a test builds itself. */
    void sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** A masked frame (all-zero mask, so the payload goes as it is) with the FIN bit set. */
    static byte[] maskedFrame(int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(new byte[4], 0, 4);
        frame.write(payload, 0, payload.length);
        return frame.toByteArray();
    }

    /** Sends one masked text frame, as clients must. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = {1, 2, 3, 4};
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
        socket.getOutputStream().flush();
    }

    /**
     * Starts reading at last, skipping data frames, and returns the code of the server's close
     * frame, or -1 if the connection ended without one.
     */
    int readUntilCloseFrame() throws IOException {
        socket.setSoTimeout(30_000);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
                }
            }
        } catch (EOFException | java.net.SocketException ended) {
            return -1;
        }
    }

    /** Reads until the connection ends, returning the opcode of every frame seen (9 for a ping). */
    List<Integer> readOpcodesUntilEnd() throws IOException {
        socket.setSoTimeout(30_000);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        List<Integer> opcodes = new ArrayList<>();
        try {
            while (true) {
                opcodes.add(in.readUnsignedByte() & 0x0f);
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                in.readFully(new byte[(int) length]);
            }
        } catch (EOFException | java.net.SocketException ended) {
            return opcodes;
        }
    }

    /** Sends a close frame (code 1000) and closes the socket without waiting for the server's answer. */
    void sendCloseFrameAndClose() throws IOException {
        byte[] mask = {5, 6, 7, 8};
        byte[] code = {0x03, (byte) 0xe8};
        socket.getOutputStream().write(new byte[] {(byte) 0x88, (byte) 0x82, mask[0], mask[1], mask[2], mask[3],
                (byte) (code[0] ^ mask[0]), (byte) (code[1] ^ mask[1])});
        socket.getOutputStream().flush();
        socket.close();
    }

    /** Drops the connection with a TCP reset: no close frame, no FIN. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
