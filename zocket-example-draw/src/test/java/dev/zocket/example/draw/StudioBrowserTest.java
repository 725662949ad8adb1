package dev.zocket.example.draw;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.draw.DrawingRoom.Attempt;
import dev.zocket.example.draw.DrawingRoom.Join;
import dev.zocket.server.ZocketServer;
import dev.zocket.server.persistence.MemoryStateStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Zocket Studio in headless Chromium against the game's server: a wrong token is refused, the
 * right one shows a live room, the room's state follows what other clients do, a call made
 * from Studio changes it and enters the change history, and events arrive in its panel. Screenshots land in {@code target/screenshots/studio-*.png}.
 *
 * <p>Needs Chromium and chromedriver from the OS, like {@link BrowserGameTest}.
 */
class StudioBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    private static final String TOKEN = "correct horse battery staple";

    private WebDriver browser;
    private Path profile;
    private ZocketServer server;

    @BeforeEach
    void requireBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("StudioBrowserTest needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; install them with: apt-get install -y chromium chromium-driver");
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            if (browser != null) {
                try {
                    saveConsole();
                } finally {
                    browser.quit();
                }
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            deleteRecursively(profile);
        }
    }

    @Test
    void studioRefusesAWrongTokenShowsALiveRoomAndFollowsItsChanges() throws Exception {
        server = DrawServer.builder(0, 0, "127.0.0.1", Duration.ofSeconds(80)).studio(TOKEN)
                .store(new MemoryStateStore()).start();
        String room = "studio-" + UUID.randomUUID().toString().substring(0, 8);
        try (ZocketClient ann = ZocketClient.connect(server.url());
                ZocketClient bob = ZocketClient.connect(server.url())) {
            DrawingRoomHandle annRoom = DrawingRoomHandle.of(ann, room);
            DrawingRoomHandle bobRoom = DrawingRoomHandle.of(bob, room);
            String annId = annRoom.join(new Join("Ann")).get(10, TimeUnit.SECONDS).playerId();

            browser = openBrowser();
            String studioUrl = "http://127.0.0.1:" + server.httpPort().orElseThrow() + "/studio/";
            browser.get(studioUrl);
            WebElement tokenInput = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
            screenshot("studio-login");

            tokenInput.sendKeys("wrong horse");
            browser.findElement(By.id("token-submit")).click();
            waitFor(ExpectedConditions.textToBe(By.id("login-error"), "Wrong token"));
            assertFalse(browser.findElement(By.id("studio")).isDisplayed(), "nothing shows behind a wrong token");
            screenshot("studio-wrong-token");

            browser.findElement(By.id("token-input")).sendKeys(TOKEN);
            browser.findElement(By.id("token-submit")).click();
            waitFor(ExpectedConditions.textToBe(By.id("live"), "live"));
            WebElement row = waitFor(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#instances tr[data-actor='draw'][data-id='" + room + "']")));
            row.click();
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "\"Ann\""));
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("connections"), "state draw/" + room));
            screenshot("studio-instance");

            String bobId = bobRoom.join(new Join("Bob")).get(10, TimeUnit.SECONDS).playerId();
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "\"Bob\""));
            waitFor(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#state-tree li.changed[data-path='/players/1']")));
            screenshot("studio-live-update");

            new Select(browser.findElement(By.id("call-method"))).selectByValue("startRound");
            browser.findElement(By.id("call-input")).clear();
            browser.findElement(By.id("call-button")).click();
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("call-result"), "ok"));
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "\"drawing\""));
            String word = valueInTree("/word");
            assertFalse(word.isEmpty(), "Studio sees the whole state, the word included, whoever draws");
            waitFor(driver -> driver.findElements(By.cssSelector("#charts .chart")).size() == 5);
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "startRound"));

            // Whoever does not draw guesses the word Studio shows: the event reaches Studio's panel.
            boolean annDraws = valueInTree("/drawerId").equals(annId);
            (annDraws ? bobRoom : annRoom).guess(new Attempt(annDraws ? bobId : annId, word)).get(10, TimeUnit.SECONDS);
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "correctGuess"));
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "\"roundEnd\""));
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "guess"));
            screenshot("studio-after-call");

            new Select(browser.findElement(By.id("call-method"))).selectByValue("guess");
            WebElement input = browser.findElement(By.id("call-input"));
            input.clear();
            input.sendKeys("{\"playerId\": 5}");
            browser.findElement(By.id("call-button")).click();
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("call-result"), "bad_request"));
            assertTrue(browser.findElement(By.id("call-result")).getText().startsWith("bad_request"));

            // A link to the instance opens Studio on it; the tab still holds the token.
            browser.get(studioUrl + "#draw/" + room);
            browser.navigate().refresh();
            waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "\"Ann\""));
            assertTrue(browser.findElement(By.id("instance-title")).getText().contains(room));
        }
    }

    /** The string the state tree shows at {@code path}, without its quotes. */
    private String valueInTree(String path) {
        for (WebElement item : browser.findElements(By.cssSelector("#state-tree li[data-path='" + path + "']"))) {
            String text = item.getText();
            return text.substring(text.indexOf('"') + 1, text.lastIndexOf('"'));
        }
        fail("nothing at " + path + " in the state tree");
        return null;
    }

    private WebDriver openBrowser() throws IOException {
        profile = Files.createTempDirectory("zocket-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1250", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, TIMEOUT).until(condition);
    }

    private void screenshot(String name) {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void saveConsole() throws IOException {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        Files.write(SCREENSHOTS.resolve("studio-console.log"), lines);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
