package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A connection's close is an event in each instance's mailbox, after everything it sent: a client
 * that joins and vanishes at once, however it vanishes and whichever thread sees it, never stays
 * a player. Each scenario is repeated so that the race it once lost comes up many times.
 */
@Timeout(300)
class GhostTest {

    private static final int ROUNDS = 1_000;
    private static final String JOIN = "{\"type\":\"rpc\",\"id\":\"j\",\"actor\":\"lobby\",\"actorId\":\"main\",\"method\":\"join\"}";

    private interface Ending {
        void end(StalledSocket socket) throws IOException;
    }

    @Test
    void joinThenTcpResetLeavesNoGhosts() throws Exception {
        joinAndVanish(StalledSocket::abort);
    }

    @Test
    void joinThenCloseFrameLeavesNoGhosts() throws Exception {
        joinAndVanish(StalledSocket::sendCloseFrameAndClose);
    }

    private void joinAndVanish(Ending ending) throws Exception {
        LobbyActor.Tally tally = new LobbyActor.Tally();
        try (ZocketServer server = lobbyServer(tally)) {
            for (int i = 0; i < ROUNDS; i++) {
                StalledSocket socket = new StalledSocket(server.port());
                socket.sendText(JOIN);
                ending.end(socket);
            }
            awaitQuietly(() -> server.metrics().connections() == 0
                    && tally.connects.get() == tally.disconnects.get() && server.metrics().attachedClients() == 0);

            assertEquals(0, server.metrics().connections());
            assertEquals(0, server.metrics().attachedClients(), "no instance still holds a gone connection");
            assertEquals(tally.connects.get(), tally.disconnects.get(), "every onConnect has its onDisconnect");
            try (RawClient survivor = RawClient.connect(server.url())) {
                survivor.subscribe("state:sub", "lobby", "main");
                JsonNode players = survivor.next("state:snapshot").get("state").get("players");
                assertEquals(0, players.size(), "ghosts after " + ROUNDS + " joins (" + tally.joins.get()
                        + " ran): " + players.size());
            }
        }
    }

    @Test
    void joinThenServerStopLeavesNoGhosts() throws Exception {
        int perServer = 100;
        for (int round = 0; round < ROUNDS / perServer; round++) {
            LobbyActor.Tally tally = new LobbyActor.Tally();
            List<StalledSocket> sockets = new ArrayList<>();
            try (ZocketServer server = lobbyServer(tally)) {
                for (int i = 0; i < perServer; i++) {
                    StalledSocket socket = new StalledSocket(server.port());
                    socket.sendText(JOIN);
                    sockets.add(socket);
                }
                server.stop();
            } finally {
                for (StalledSocket socket : sockets) {
                    socket.close();
                }
            }
            assertEquals(tally.connects.get(), tally.disconnects.get(), "every onConnect has its onDisconnect");
            assertEquals(List.of(), tally.playersAtDeactivation, "no player outlived its connection");
        }
    }

    private static ZocketServer lobbyServer(LobbyActor.Tally tally) throws IOException {
        return ZocketServer.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(Map.of())
                .actor(LobbyBinding.INSTANCE, context -> new LobbyActor(context, tally))
                .start();
    }

    /** Waits until {@code done} holds or 30 s pass; the assertions after it say what went wrong. */
    private static void awaitQuietly(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
