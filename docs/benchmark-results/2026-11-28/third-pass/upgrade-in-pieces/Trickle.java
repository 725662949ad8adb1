import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends upgrade requests padded to 63 KiB with 5-byte header lines, each in small pieces with a
 * millisecond between them, and prints how much CPU the server (by pid) used meanwhile.
 * Usage: Trickle PORT SOCKETS PIECE_BYTES SERVER_PID
 */
public class Trickle {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sockets = Integer.parseInt(args[1]);
        int piece = Integer.parseInt(args[2]);
        long pid = Long.parseLong(args[3]);
        StringBuilder text = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        while (text.length() < 63 * 1024) {
            text.append("X:1\r\n");
        }
        byte[] request = text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        long cpuBefore = cpuTicks(pid);
        long start = System.nanoTime();
        AtomicInteger answered = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < sockets; s++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(60_000);
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < request.length; i += piece) {
                        out.write(request, i, Math.min(piece, request.length - i));
                        out.flush();
                        Thread.sleep(1);
                    }
                    InputStream in = socket.getInputStream();
                    byte[] status = in.readNBytes(12);
                    if (new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
                        answered.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    System.err.println(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Thread.sleep(200);
        System.out.printf("%d sockets, %d-byte pieces: answered %d, %.0f ms wall, server CPU %.2f s%n", sockets, piece,
                answered.get(), (System.nanoTime() - start) / 1e6, (cpuTicks(pid) - cpuBefore) / 100.0);
    }

    /** User and system time of a process, in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) throws IOException {
        String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
