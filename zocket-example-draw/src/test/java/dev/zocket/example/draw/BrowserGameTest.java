package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.server.ZocketServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Plays the game in headless Chromium against the real server: two windows join, start, draw
 * with the mouse, watch the strokes arrive on the other page, guess and score; two tabs of one
 * browser are two players who start a round, skip it, rename and leave; a round runs out of
 * time; and the browser client
 * sends the counter a fractional number.
 * Screenshots of every step land in {@code target/screenshots/}.
 *
 * <p>Needs Chromium and chromedriver from the OS ({@code apt-get install chromium chromium-driver});
 * Selenium Manager is never used, so the test downloads nothing.
 */
class BrowserGameTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private final Map<String, WebDriver> drivers = new LinkedHashMap<>();
    private final List<Path> profiles = new ArrayList<>();
    private ZocketServer server;
    private int shot;

    @BeforeEach
    void requireBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("BrowserGameTest needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; install them with: apt-get install -y chromium chromium-driver");
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            for (Map.Entry<String, WebDriver> browser : drivers.entrySet()) {
                try {
                    saveConsole(browser.getKey(), browser.getValue());
                } finally {
                    browser.getValue().quit();
                }
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            for (Path profile : profiles) {
                deleteRecursively(profile);
            }
        }
    }

    @Test
    void twoPlayersDrawGuessAndScoreInRealBrowsers() throws IOException {
        server = DrawServer.start(0, 0, "127.0.0.1");
        String room = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String url = "http://127.0.0.1:" + server.httpPort().orElseThrow() + "/#" + room;

        WebDriver alice = openBrowser("alice");
        alice.get(url);
        waitFor(alice, ExpectedConditions.visibilityOfElementLocated(By.id("name-input")));
        assertEquals(room, alice.findElement(By.id("room-name")).getText());
        screenshot(alice, "alice-join");

        join(alice, "Alice");
        waitFor(alice, playerListed("Alice"));
        screenshot(alice, "alice-alone");

        // Alone, the round cannot start: the page says why.
        alice.findElement(By.id("start-button")).click();
        waitFor(alice, ExpectedConditions.textToBe(By.id("start-error"), "Need at least 2 players"));
        screenshot(alice, "alice-start-refused");

        WebDriver bob = openBrowser("bob");
        bob.get(url);
        waitFor(bob, ExpectedConditions.textToBePresentInElementLocated(By.id("join-players"), "Alice"));
        screenshot(bob, "bob-join-sees-alice");
        join(bob, "Bob");
        waitFor(bob, playerListed("Alice"));
        waitFor(alice, playerListed("Bob"));
        waitFor(alice, ExpectedConditions.invisibilityOfElementLocated(By.id("start-error")));
        screenshot(alice, "alice-lobby-two-players");
        screenshot(bob, "bob-lobby-two-players");

        alice.findElement(By.id("start-button")).click();
        waitFor(alice, phase("drawing"));
        waitFor(bob, phase("drawing"));

        // The first round's drawer is the first to join; only that page shows the word.
        WebElement word = waitFor(alice, ExpectedConditions.visibilityOfElementLocated(By.id("word")));
        String secret = word.getDomProperty("textContent").trim(); // getText() would be upper-cased by CSS
        assertFalse(secret.isEmpty(), "the drawer sees the word");
        assertEquals("drawer", alice.findElement(By.tagName("body")).getDomAttribute("data-role"));
        assertFalse(bob.findElement(By.id("word")).isDisplayed(), "a guesser does not see the word");
        assertEquals(hintFor(secret), bob.findElement(By.id("hint")).getText());
        screenshot(alice, "alice-drawer-before-drawing");
        screenshot(bob, "bob-guesser-before-drawing");

        // Pick red and the thick pen, so the other page can tell the stroke's colour.
        alice.findElement(By.cssSelector("#swatches [aria-label='Red']")).click();
        alice.findElement(By.cssSelector("#widths [aria-label='Thick']")).click();
        assertEquals("true", alice.findElement(By.cssSelector("#swatches [aria-label='Red']")).getDomAttribute("aria-checked"));
        assertEquals("true", alice.findElement(By.cssSelector("#widths [aria-label='Thick']")).getDomAttribute("aria-checked"));
        assertEquals("false", alice.findElement(By.cssSelector("#swatches [aria-label='Ink']")).getDomAttribute("aria-checked"));

        // Press, move several times, release. The pauses make the gesture last long enough for
        // the page to send it in several chunks (it sends every 100 ms while the mouse is down).
        WebElement canvas = alice.findElement(By.id("board"));
        Actions gesture = new Actions(alice).moveToElement(canvas, -150, -80).clickAndHold();
        int[][] moves = {{40, 10}, {40, 25}, {30, 40}, {-20, 45}, {-50, 20}, {-60, -10}, {-30, -50}, {20, -60}};
        for (int[] move : moves) {
            gesture.moveByOffset(move[0], move[1]).pause(Duration.ofMillis(80));
        }
        gesture.release().perform();

        int drawn = waitFor(alice, strokesAtLeast(1));
        int seen = waitFor(bob, strokesAtLeast(drawn));
        assertTrue(seen >= 2, "a long gesture goes out in several chunks, got " + seen);
        assertTrue(inkedPixels(bob) > 200, "the guesser's canvas shows the drawing");
        assertTrue(redPixels(bob) > 200, "in the colour the drawer picked");
        screenshot(alice, "alice-drew");
        screenshot(bob, "bob-sees-drawing");

        // On a phone-sized window the board shrinks and is painted again from the state.
        for (WebDriver browser : List.of(alice, bob)) {
            browser.manage().window().setSize(new Dimension(390, 844));
            waitFor(browser, driver -> driver.findElement(By.id("board")).getSize().getWidth() < 390);
            waitFor(browser, driver -> inkedPixels(driver) > 100);
        }
        screenshot(alice, "alice-phone-drawing");
        screenshot(bob, "bob-phone-guessing");
        for (WebDriver browser : List.of(alice, bob)) {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        bob.findElement(By.id("guess-input")).sendKeys("definitely wrong\n");
        waitFor(alice, ExpectedConditions.textToBePresentInElementLocated(By.id("guess-log"), "definitely wrong"));

        WebElement guess = bob.findElement(By.id("guess-input"));
        guess.sendKeys(secret);
        bob.findElement(By.id("guess-button")).click();
        waitFor(bob, ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#toasts .toast-success"), "You guessed " + secret));
        waitFor(alice, ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#toasts .toast-success"), "Bob guessed " + secret));
        screenshot(bob, "bob-guessed");

        waitFor(alice, score("Bob", 10));
        waitFor(bob, score("Bob", 10));
        assertEquals("0", bob.findElement(By.cssSelector("#player-list [data-name='Alice']")).getDomAttribute("data-score"));
        waitFor(alice, phase("roundEnd"));
        waitFor(bob, ExpectedConditions.textToBe(By.id("start-button"), "Next round"));
        screenshot(alice, "alice-round-over");
        screenshot(bob, "bob-round-over");

        // The server goes away: both pages say so, and when it is back they reconnect and rejoin.
        int webSocketPort = server.port();
        server.stop();
        for (WebDriver browser : List.of(alice, bob)) {
            waitFor(browser, ExpectedConditions.textToBe(By.id("connection-text"), "Connection lost. Reconnecting…"));
        }
        screenshot(alice, "alice-reconnecting");
        server = DrawServer.start(webSocketPort, 0, "127.0.0.1"); // the pages need only the WebSocket back
        for (WebDriver browser : List.of(alice, bob)) {
            waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("connection-banner")));
            waitFor(browser, playerListed("Alice"));
            waitFor(browser, playerListed("Bob"));
        }
        screenshot(bob, "bob-back-after-restart");
    }

    @Test
    void eachTabIsItsOwnPlayerWhoCanSkipRenameAndLeave() throws IOException {
        server = DrawServer.start(0, 0, "127.0.0.1");
        String room = "tabs-" + UUID.randomUUID().toString().substring(0, 8);
        String url = "http://127.0.0.1:" + server.httpPort().orElseThrow() + "/#" + room;
        WebDriver browser = openBrowser("tabs");
        browser.get(url);
        join(browser, "Ann");
        String annTab = browser.getWindowHandle();

        // A second tab of the same browser is a new player, not Ann again.
        browser.switchTo().newWindow(WindowType.TAB);
        String benTab = browser.getWindowHandle();
        browser.get(url);
        waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("join-players"), "Ann"));
        assertEquals("join", browser.findElement(By.tagName("body")).getDomAttribute("data-view"));
        screenshot(browser, "second-tab-join");
        join(browser, "Ben");
        waitFor(browser, playerListed("Ann"));

        browser.findElement(By.id("start-button")).click();
        waitFor(browser, phase("drawing"));
        int secondsLeft = waitFor(browser, timerShowing());
        assertTrue(secondsLeft > 0 && secondsLeft <= 80, "the round's time left: " + secondsLeft);
        assertEquals("guesser", browser.findElement(By.tagName("body")).getDomAttribute("data-role"));
        assertFalse(browser.findElement(By.id("skip-button")).isDisplayed(), "only the drawer may skip");

        browser.switchTo().window(annTab);
        waitFor(browser, phase("drawing"));
        assertEquals("drawer", browser.findElement(By.tagName("body")).getDomAttribute("data-role"));
        waitFor(browser, timerShowing());
        screenshot(browser, "first-tab-draws-with-timer");
        browser.findElement(By.id("skip-button")).click();
        waitFor(browser, phase("roundEnd"));
        waitFor(browser, ExpectedConditions.textToBe(By.id("prompt-detail"), "Ann skipped it."));
        assertFalse(browser.findElement(By.id("timer")).isDisplayed(), "no timer between rounds");

        browser.switchTo().window(benTab);
        waitFor(browser, phase("roundEnd"));
        browser.findElement(By.id("rename-button")).click();
        WebElement newName = waitFor(browser, ExpectedConditions.elementToBeClickable(By.id("rename-input")));
        newName.clear();
        newName.sendKeys("Ann\n"); // taken
        waitFor(browser, ExpectedConditions.textToBe(By.id("rename-error"), "Someone in this room is already called Ann"));
        screenshot(browser, "rename-refused");
        newName.clear();
        newName.sendKeys("Benny\n");
        waitFor(browser, playerListed("Benny"));
        waitFor(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("rename-form")));

        browser.switchTo().window(annTab);
        waitFor(browser, playerListed("Benny"));
        screenshot(browser, "first-tab-sees-rename");

        browser.switchTo().window(benTab);
        browser.findElement(By.id("leave-button")).click();
        waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("join-view")));
        assertEquals("Benny", browser.findElement(By.id("name-input")).getDomProperty("value"), "ready to join again");

        browser.switchTo().window(annTab);
        waitFor(browser, driver -> driver.findElements(By.cssSelector("#player-list [data-name='Benny']")).isEmpty());
        // A reload is still the same player: the tab remembers its name.
        browser.navigate().refresh();
        waitFor(browser, playerListed("Ann"));
        assertEquals("game", browser.findElement(By.tagName("body")).getDomAttribute("data-view"));
        assertEquals(1, browser.findElements(By.cssSelector("#player-list .player")).size());
        screenshot(browser, "first-tab-after-reload");

        // Joining under a name in the room takes that seat over; the tab that had it steps back.
        browser.switchTo().window(benTab);
        join(browser, "Ann");
        browser.switchTo().window(annTab);
        waitFor(browser, ExpectedConditions.visibilityOfElementLocated(By.id("join-view")));
        waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "another window"));
        screenshot(browser, "first-tab-seat-taken-elsewhere");
    }

    @Test
    void aRoundEndsOnItsTimerAndThePageSaysSo() throws IOException {
        server = DrawServer.start(0, 0, "127.0.0.1", Duration.ofSeconds(10));
        String url = "http://127.0.0.1:" + server.httpPort().orElseThrow() + "/#timer-" + UUID.randomUUID().toString().substring(0, 8);
        WebDriver browser = openBrowser("timer");
        browser.get(url);
        join(browser, "Ann");
        String annTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url);
        join(browser, "Ben");
        browser.findElement(By.id("start-button")).click();

        browser.switchTo().window(annTab);
        int secondsLeft = waitFor(browser, timerShowing());
        assertTrue(secondsLeft <= 10, "a ten-second round: " + secondsLeft);
        assertTrue(browser.findElement(By.id("timer")).getDomAttribute("class").contains("timer-low"), "the last seconds are red");
        screenshot(browser, "timer-running-out");

        waitFor(browser, phase("roundEnd"));
        waitFor(browser, ExpectedConditions.textToBe(By.id("prompt-detail"), "Time ran out. Nobody guessed it."));
        waitFor(browser, ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Time's up!"));
        screenshot(browser, "timer-ran-out");
    }

    @Test
    void theCounterTakesAnyNumberFromTheBrowserClient() throws IOException {
        server = DrawServer.start(0, 0, "127.0.0.1");
        WebDriver browser = openBrowser("counter");
        browser.get("http://127.0.0.1:" + server.httpPort().orElseThrow() + "/#counter-check");
        browser.manage().timeouts().scriptTimeout(TIMEOUT);

        Object seen = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { createClient } = await import("/zocket.js");
                  const { wsPort } = await (await fetch("/zocket.json")).json();
                  const client = createClient(`ws://${location.hostname}:${wsPort}`);
                  const counter = client.actor("counter", "from-the-browser");
                  let reachedState;
                  const reached = new Promise((resolve) => { reachedState = resolve; });
                  counter.state.subscribe((state) => { if (state.count === -2.5) reachedState(state.count); });
                  const set = await counter.call("set", { value: -3.5 });
                  const incremented = await counter.call("increment");
                  const state = await reached;
                  client.close();
                  return [set, incremented, state].join(" ");
                })().then(done, (error) => done("failed: " + error.message));""");

        assertEquals("-3.5 -2.5 -2.5", seen);
    }

    // ---- browser plumbing -------------------------------------------------------------------

    private WebDriver openBrowser(String name) {
        Path profile;
        try {
            profile = Files.createTempDirectory("zocket-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        drivers.put(name, driver);
        return driver;
    }

    private static void join(WebDriver driver, String name) {
        WebElement input = waitFor(driver, ExpectedConditions.elementToBeClickable(By.id("name-input")));
        input.clear();
        input.sendKeys(name);
        driver.findElement(By.id("join-button")).click();
        waitFor(driver, ExpectedConditions.visibilityOfElementLocated(By.id("game-view")));
    }

    private static <T> T waitFor(WebDriver driver, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, TIMEOUT).until(condition);
    }

    private static ExpectedCondition<Boolean> playerListed(String name) {
        return driver -> !driver.findElements(By.cssSelector("#player-list [data-name='" + name + "']")).isEmpty();
    }

    private static ExpectedCondition<Boolean> phase(String phase) {
        return ExpectedConditions.attributeToBe(By.tagName("body"), "data-phase", phase);
    }

    private static ExpectedCondition<Boolean> score(String name, int score) {
        return ExpectedConditions.attributeToBe(
                By.cssSelector("#player-list [data-name='" + name + "']"), "data-score", String.valueOf(score));
    }

    /** The seconds the round timer shows, once it shows. */
    private static ExpectedCondition<Integer> timerShowing() {
        return driver -> {
            WebElement timer = driver.findElement(By.id("timer"));
            String seconds = timer.getDomAttribute("data-seconds");
            return timer.isDisplayed() && seconds != null ? Integer.valueOf(seconds) : null;
        };
    }

    /** The number of strokes the page has rendered, once it is at least {@code minimum}. */
    private static ExpectedCondition<Integer> strokesAtLeast(int minimum) {
        return driver -> {
            String strokes = driver.findElement(By.id("board")).getDomAttribute("data-strokes");
            int count = strokes == null ? 0 : Integer.parseInt(strokes);
            return count >= minimum ? count : null;
        };
    }

    /** How many pixels of the canvas are painted. */
    private static long inkedPixels(WebDriver driver) {
        Object count = ((JavascriptExecutor) driver).executeScript("""
                const canvas = document.getElementById('board');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let inked = 0;
                for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
                return inked;""");
        return ((Number) count).longValue();
    }

    /** How many pixels of the canvas are painted a strong red. */
    private static long redPixels(WebDriver driver) {
        Object count = ((JavascriptExecutor) driver).executeScript("""
                const canvas = document.getElementById('board');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let red = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 200 && data[i] > 200 && data[i + 1] < 120 && data[i + 2] < 120) red++;
                }
                return red;""");
        return ((Number) count).longValue();
    }

    private static String hintFor(String word) {
        return String.join(" ", word.chars().mapToObj(c -> "_").toList());
    }

    private void screenshot(WebDriver driver, String name) {
        Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the page's console output next to the screenshots: the first place to look when the test fails. */
    private static void saveConsole(String name, WebDriver driver) throws IOException {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        Files.write(SCREENSHOTS.resolve(name + "-console.log"), lines);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
