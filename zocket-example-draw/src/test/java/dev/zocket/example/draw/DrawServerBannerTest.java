package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.draw.DrawingRoom.Player;
import dev.zocket.example.draw.DrawingRoom.State;
import dev.zocket.server.ZocketServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server prints points at the ports it really uses, and its bots command works as printed. */
@Timeout(60)
class DrawServerBannerTest {

    private static final Pattern EXEC_ARGS = Pattern.compile("-Dexec\\.args=\"([^\"]*)\"");

    @Test
    void theBannerNamesThePortsInUse() throws Exception {
        try (ZocketServer server = DrawServer.start(0, 0, "0.0.0.0")) {
            String banner = DrawServer.banner(server);

            assertTrue(banner.contains("Open    http://localhost:" + server.httpPort().orElseThrow() + "/"), banner);
            assertTrue(banner.contains("Server  ws://127.0.0.1:" + server.port()), banner);
            assertTrue(banner.contains("Studio  http://localhost:" + server.httpPort().orElseThrow() + "/studio/"), banner);
            assertTrue(banner.contains("--url ws://127.0.0.1:" + server.port() + " "), banner);
        }
    }

    @Test
    void theBotsCommandAsPrintedFillsTheRoomOnThisServer() throws Exception {
        try (ZocketServer server = DrawServer.start(0, 0, "127.0.0.1");
                ZocketClient watcherClient = ZocketClient.connect(server.url())) {
            Matcher printed = EXEC_ARGS.matcher(DrawServer.banner(server));
            assertTrue(printed.find(), "the banner has a bots command");
            String[] args = printed.group(1).split(" ");

            CompletableFuture<List<String>> seated = new CompletableFuture<>();
            DrawingRoomHandle.of(watcherClient, "room-1").state().subscribe((State state) -> {
                if (state.players().size() == 2) {
                    seated.complete(state.players().stream().map(Player::name).toList());
                }
            });
            DrawBot.Team bots = DrawBot.Team.start(args);
            try {
                assertEquals(List.of("Bot 1", "Bot 2"), seated.get(10, TimeUnit.SECONDS));
            } finally {
                bots.close();
            }
        }
    }
}
