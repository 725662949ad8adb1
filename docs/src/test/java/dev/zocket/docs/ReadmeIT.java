package dev.zocket.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.docs.firstrun.IsolatedMaven;
import dev.zocket.docs.firstrun.RunningCommand;
import dev.zocket.docs.firstrun.SourceCopy;
import dev.zocket.docs.firstrun.WebSocketProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's commands, read from README.md itself, the way a new user does: in a fresh
 * copy of the repository, with a local Maven repository that holds nothing of this project. The
 * game must serve its page, {@code /health} and the WebSocket; the bots must join its room.
 */
class ReadmeIT {

    private static final Path README = Path.of("../README.md");
    private static final Path REPOSITORY_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/readme").toAbsolutePath();
    private static final Path CLONE = WORK.resolve("zocket-java");

    private static final String VERIFY = "mvn -B verify";
    private static final String BOT_CLASS = "dev.zocket.example.draw.DrawBot";
    private static final String ROOM = "room-1";
    private static final Pattern URL = Pattern.compile("\\b(?:https?|wss?)://[^\\s\"')]+");

    /** A fresh local repository: everything is copied in, the project built from nothing. */
    private static final Duration FIRST_START = Duration.ofMinutes(10);
    private static final Duration BOTS_START = Duration.ofMinutes(3);
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER).build();

    @Test
    void theReadmeOpensWithTheGameThenTheTests() throws IOException {
        List<String> commands = bashCommands();
        assertTrue(commands.size() >= 2, "README.md shows its set-up commands: " + commands);
        assertTrue(commands.get(0).startsWith("mvn ") && commands.get(0).contains("zocket-example-draw"),
                "the first command runs the game: " + commands.get(0));
        assertEquals(VERIFY, commands.get(1), "the second command runs the tests");
        assertTrue(commands.stream().anyMatch(command -> command.contains(BOT_CLASS)),
                "README.md names the command that runs the bots: " + commands);
    }

    @Test
    void theGameAndItsBotsRunFromAFreshCloneAsTheReadmeSays() throws Exception {
        List<String> commands = bashCommands();
        String game = commands.get(0);
        String bots = commands.stream().filter(command -> command.contains(BOT_CLASS)).findFirst().orElseThrow();
        SourceCopy.delete(WORK);
        SourceCopy.copyRepository(REPOSITORY_ROOT, CLONE);
        IsolatedMaven maven = IsolatedMaven.in(WORK);

        // Port 0: free ports, so the test neither needs 3000/3001 nor disturbs a game already there.
        try (RunningCommand server = maven.start(game, CLONE, Map.of("PORT", "0", "HTTP_PORT", "0"))) {
            URI page = server.await("the page's URL", line -> url(line, "http"), FIRST_START);
            URI socket = server.await("the WebSocket's URL", line -> url(line, "ws"), ANSWER);

            assertAnswers(page, "<html");
            assertAnswers(page.resolve("/health"), "\"ok\"");
            try (WebSocketProbe probe = WebSocketProbe.connect(socket, ANSWER)) {
                probe.awaitAll("welcome", List.of(message -> message.contains("\"type\":\"welcome\"")), ANSWER);

                probe.send("{\"type\":\"state:sub\",\"actor\":\"draw\",\"actorId\":\"" + ROOM + "\"}");
                try (RunningCommand players = maven.start(bots, CLONE,
                        Map.of("PORT", String.valueOf(socket.getPort())))) {
                    probe.awaitAll("player of each bot in " + ROOM + "'s state", botsJoining(bots), BOTS_START);
                    assertTrue(players.stop(), "the bots stop when asked:\n" + players.output());
                }
            }
            assertTrue(server.stop(), "the game stops when asked:\n" + server.output());
        }
        assertTrue(Files.notExists(maven.localRepository().resolve("dev/zocket")),
                "nothing of this project came from, or went to, the local repository");
    }

    /** The lines of the README's bash blocks, in order. */
    private static List<String> bashCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(commands::add);
        }
        return commands;
    }

    /**
     * A URL with {@code scheme} that the game prints for people to use: not in one of Maven's
     * own lines ({@code [INFO] ...}), and not a wildcard address.
     */
    private static Optional<URI> url(String line, String scheme) {
        if (line.startsWith("[")) {
            return Optional.empty();
        }
        Matcher url = URL.matcher(line);
        while (url.find()) {
            // Without a fragment (a room, say) or the punctuation of a sentence around it.
            URI uri = URI.create(url.group().replaceFirst("#.*$", "").replaceFirst("[.,;:]+$", ""));
            if (uri.getScheme().equals(scheme) && !"0.0.0.0".equals(uri.getHost())) {
                return Optional.of(uri);
            }
        }
        return Optional.empty();
    }

    /** A patch or snapshot naming each bot the command starts ({@code --bots}, {@code --name}). */
    private static List<Predicate<String>> botsJoining(String command) {
        int count = Integer.parseInt(option(command, "bots").orElse("1"));
        String prefix = option(command, "name").orElse("Bot");
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "\"" + prefix + " " + i + "\"")
                .<Predicate<String>>map(name -> message -> message.contains(name))
                .toList();
    }

    private static Optional<String> option(String command, String name) {
        Matcher option = Pattern.compile("--" + name + " (\\S+?)[\\s\"]").matcher(command);
        return option.find() ? Optional.of(option.group(1)) : Optional.empty();
    }

    private void assertAnswers(URI uri, String expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(ANSWER).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + " answers");
        assertTrue(response.body().contains(expected), uri + " answers with " + expected + ":\n" + response.body());
    }
}
