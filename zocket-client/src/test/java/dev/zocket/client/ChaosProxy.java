package dev.zocket.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between WebSocket clients and a server that can cut every connection through it at
 * once, as a network failure would: the server sees its connections drop, and each client gets a
 * close frame ({@code 1001}) where its stream is cut. The frame is written between two whole frames
 * from the server, and lets the client notice at once: the JDK's WebSocket can miss the end of a
 * stream that arrives together with a message, and a client that never notices a drop tests nothing.
 */
final class ChaosProxy implements AutoCloseable {

    private static final byte[] GOING_AWAY = {(byte) 0x88, 2, 0x03, (byte) 0xE9};

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();

    ChaosProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("chaos-proxy-accept", this::accept);
    }

    String url() {
        return "ws://127.0.0.1:" + listener.getLocalPort();
    }

    /** Cuts every connection open now; returns how many. */
    int cutAll() {
        int cut = 0;
        for (Link link : links) {
            link.cut();
            cut++;
        }
        return cut;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, server);
                links.add(link);
                daemon("chaos-proxy-up", link::clientToServer);
                daemon("chaos-proxy-down", link::serverToClient);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client connection and its connection to the server. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private boolean cut;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // cut, or closed by either side
            } finally {
                cut();
            }
        }

        /** Copies the handshake answer, then whole frames, so that a cut falls between two. */
        void serverToClient() {
            try {
                DataInputStream in = new DataInputStream(server.getInputStream());
                OutputStream out = client.getOutputStream();
                forward(out, handshakeAnswer(in));
                while (true) {
                    forward(out, frame(in));
                }
            } catch (IOException dropped) {
                // cut, or closed by either side
            } finally {
                cut();
            }
        }

        private synchronized void forward(OutputStream out, byte[] bytes) throws IOException {
            if (cut) {
                throw new IOException("cut");
            }
            out.write(bytes);
            out.flush();
        }

        void cut() {
            synchronized (this) {
                if (cut) {
                    return;
                }
                cut = true;
                try {
                    client.getOutputStream().write(GOING_AWAY);
                    client.getOutputStream().flush();
                } catch (IOException alreadyGone) {
                    // the client is gone anyway
                }
            }
            links.remove(this);
            closeQuietly(server);
            closeQuietly(client);
        }

        private static byte[] handshakeAnswer(InputStream in) throws IOException {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("closed during the handshake");
                }
                answer.write(next);
                matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
            }
            return answer.toByteArray();
        }

        /** One unmasked frame from the server, header and payload. */
        private static byte[] frame(DataInputStream in) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            frame.write(first);
            frame.write(second);
            long length = second & 0x7F;
            if (length == 126) {
                int extended = in.readUnsignedShort();
                frame.write(extended >>> 8);
                frame.write(extended);
                length = extended;
            } else if (length == 127) {
                length = in.readLong();
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) (length >>> shift));
                }
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            frame.write(payload);
            return frame.toByteArray();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }
}
