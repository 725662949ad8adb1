package dev.zocket.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The resync measurement runs, and what it measures holds: after a restart on SQLite, subscribers
 * that resume get the five patches they missed (each about 130 bytes), not the 110 KB state.
 */
@Timeout(120)
class ResyncMeasurementSmokeTest {

    @Test
    void resumingSubscribersGetOnlyTheMissedPatchesFromTheDurableLog() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ResyncMeasurement.Run resume = ResyncMeasurement.measure(http, 5, true);
        ResyncMeasurement.Run snapshot = ResyncMeasurement.measure(http, 5, false);

        assertTrue(resume.bytes() < 5 * 5 * 200, "five small patches per subscriber: " + resume);
        assertTrue(snapshot.bytes() > 5 * 100_000, "a snapshot of the whole journal each: " + snapshot);
        assertEquals(0, snapshot.bytes() % 5, "every subscriber received the same");
    }
}
