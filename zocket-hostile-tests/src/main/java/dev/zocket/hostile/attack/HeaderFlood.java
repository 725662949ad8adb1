package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.wire.WsSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Upgrade requests padded with thousands of short header lines to just under the handshake
 * limit, sent in pieces so that the server reads each request many times before it is whole.
 * Java-WebSocket's own reader copied the rest of the request for every line and joined a
 * repeated header by copying it again, so each such read cost time quadratic in its size: a
 * tenth of a second of CPU per read of a full request. The server must answer every request
 * (they are valid) without its other clients noticing.
 */
final class HeaderFlood implements Attack {

    private static final int SOCKETS = 30;
    private static final int PIECE_BYTES = 2048;
    /** Under the server's 64 KiB limit on an upgrade request. */
    private static final int REQUEST_BYTES = 63 * 1024;

    @Override
    public String name() {
        return "header-flood";
    }

    @Override
    public String description() {
        return SOCKETS + " upgrade requests of " + REQUEST_BYTES / 1024 + " KiB in 5-byte header lines, sent in "
                + PIECE_BYTES / 1024 + " KiB pieces";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        List<WsSocket> sockets = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            sockets.add(engagement.hold(WsSocket.open(server.wsPort(), 0)));
        }
        byte[] request = paddedRequest(server.wsPort());
        for (int from = 0; from < request.length; from += PIECE_BYTES) {
            byte[] piece = Arrays.copyOfRange(request, from, Math.min(request.length, from + PIECE_BYTES));
            for (WsSocket socket : sockets) {
                socket.sendRaw(piece);
            }
            Thread.sleep(10); // the attack is the pace itself: each piece arrives as a read of its own
        }
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                int unanswered = 0;
                for (WsSocket socket : sockets) {
                    try {
                        socket.readUpgradeResponse();
                    } catch (IOException e) {
                        unanswered++;
                    }
                }
                if (unanswered > 0) {
                    throw new AssertionError(unanswered + " of " + SOCKETS + " valid upgrade requests were not answered");
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }

    private static byte[] paddedRequest(int port) {
        byte[] upgrade = WsSocket.upgradeRequest(port);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(upgrade, 0, upgrade.length - 2); // all but the blank line that ends it
        byte[] line = "X:1\r\n".getBytes(StandardCharsets.US_ASCII);
        while (request.size() + line.length + 2 <= REQUEST_BYTES) {
            request.write(line, 0, line.length);
        }
        request.write('\r');
        request.write('\n');
        return request.toByteArray();
    }
}
