package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections that vanish mid-call leave nothing behind: no subscriptions, no attached clients. */
@Timeout(120)
class AbruptDisconnectTest {

    @Test
    void twoHundredConnectionsDroppedMidRpcLeaveNoSubscriptionsBehind() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start()) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RawClient client = RawClient.connect(server.url());
                String room = "abrupt-" + (i % 20);
                client.subscribe("state:sub", "counter", room);
                client.subscribe("event:sub", "counter", room);
                client.next("state:snapshot");
                client.sync(room);
                clients.add(client);
            }
            for (int i = 0; i < 200; i++) {
                String room = "abrupt-" + (i % 20);
                clients.get(i).rpc("counter", room, "incrementWhenOpen", "{\"name\":\"late\"}"); // suspends the room
                clients.get(i).rpc("counter", room, "increment", null);
                // A round trip to another instance proves the server has read both calls, so they are
                // in progress or queued, not lost in a socket buffer, when the connection is cut.
                clients.get(i).sync("elsewhere-" + i);
            }
            assertEquals(400, server.metrics().subscriptions());
            assertEquals(400, server.metrics().attachedClients(), "each client is attached to its room and its own instance");

            clients.forEach(RawClient::abort);
            recorder.open("late"); // the calls in progress finish after their callers have gone
            for (RawClient client : clients) {
                recorder.await(r -> r.startsWith("abrupt-") && r.endsWith("disconnect " + client.clientId));
            }

            assertEquals(0, server.metrics().subscriptions(), "no subscription leaked");
            assertEquals(0, server.metrics().attachedClients(), "no instance still holds a gone connection");
            assertEquals(0, server.metrics().connections());
            try (RawClient survivor = RawClient.connect(server.url())) {
                survivor.subscribe("state:sub", "counter", "abrupt-0");
                assertEquals("{\"count\":20,\"online\":[\"" + survivor.clientId + "\"]}",
                        survivor.next("state:snapshot").get("state").toString(),
                        "each of the 10 callers' two increments ran; only the survivor is online");
            }
        }
    }
}
