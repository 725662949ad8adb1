package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** One instance runs one message at a time, however many connections call it at once. */
@Timeout(60)
class SequentialExecutionTest {

    @Test
    void eightConnectionsTimesFiftyConcurrentIncrementsEndAtFourHundredWithDistinctResults() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(RawClient.connect(server.url()));
            }
            for (RawClient client : clients) {
                for (int i = 0; i < 50; i++) {
                    client.rpc("counter", "hot", "increment", null); // all sent before any result is read
                }
            }
            Set<Integer> results = ConcurrentHashMap.newKeySet();
            for (RawClient client : clients) {
                for (int i = 0; i < 50; i++) {
                    JsonNode result = client.next("rpc:result");
                    results.add(result.get("result").asInt());
                }
            }
            Set<Integer> expected = new TreeSet<>();
            for (int i = 1; i <= 400; i++) {
                expected.add(i);
            }
            assertEquals(expected, new TreeSet<>(results));
            try (RawClient reader = RawClient.connect(server.url())) {
                reader.subscribe("state:sub", "counter", "hot");
                assertEquals(400, reader.next("state:snapshot").get("state").get("count").asInt());
            }
            clients.forEach(RawClient::close);
        }
    }
}
