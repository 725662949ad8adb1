package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code server.metrics()} hands users: live counts that user code can read but not change. */
@Timeout(60)
class ServerStatsTest {

    @Test
    void theStatsTypeOnlyReads() {
        for (Method method : ServerStats.class.getMethods()) {
            assertEquals(0, method.getParameterCount(), method + " takes no arguments");
            assertEquals(long.class, method.getReturnType(), method + " returns a count");
        }
    }

    @Test
    void whatUsersGetCannotBeCastToTheRecorder() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            Class<?> type = server.metrics().getClass();
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                assertEquals(0, method.getParameterCount(), type.getName() + " offers " + method);
                assertTrue(method.getReturnType() == long.class || method.getName().equals("toString"),
                        type.getName() + " offers " + method);
            }
        }
    }

    @Test
    void countsFollowConnectionsInstancesAndSubscriptions() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start()) {
            ServerStats stats = server.metrics();
            assertEquals(0, stats.connections());

            RawClient client = RawClient.connect(server.url());
            client.subscribe("state:sub", "counter", "stats");
            client.next("state:snapshot");
            client.sync("stats");

            assertEquals(1, stats.connections(), "the same object reads the live value");
            assertEquals(1, stats.liveInstances());
            assertEquals(1, stats.subscriptions());
            assertEquals(1, stats.attachedClients());

            client.close();
            recorder.await(record -> record.equals("stats disconnect " + client.clientId));
            assertEquals(0, stats.connections());
            assertEquals(0, stats.subscriptions());
            assertEquals(0, stats.attachedClients());
            assertFalse(stats.toString().isEmpty());
        }
    }
}
