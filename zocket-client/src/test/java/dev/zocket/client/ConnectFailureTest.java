package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.zocket.server.fixtures.CounterHandle;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failing to connect ends in an error that names the URL and why, never a bare timeout. */
@Timeout(60)
class ConnectFailureTest {

    private String refusingUrl;

    /** A port that was just bound and closed, so that connecting to it is refused. */
    @BeforeEach
    void findARefusingPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            refusingUrl = "ws://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static Throwable failure(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void readyFailsWithinTheConnectTimeoutNamingTheUrlAndTheCause() {
        try (ZocketClient client = ZocketClient.builder(refusingUrl)
                .connectTimeout(Duration.ofSeconds(3)).reconnectDelay(Duration.ofMillis(50)).build()) {
            ConnectionException failed = assertInstanceOf(ConnectionException.class, failure(client.ready()));
            assertEquals("Could not connect to " + refusingUrl + ": connection refused", failed.getMessage());
            assertInstanceOf(ConnectException.class, failed.getCause());
            assertEquals(ConnectionStatus.CONNECTING, client.status(), "it keeps trying");
        }
    }

    @Test
    void withoutReconnectionTheFirstRefusalFailsReadyAndTheWaitingCalls() {
        try (ZocketClient client = ZocketClient.builder(refusingUrl)
                .connectTimeout(Duration.ZERO).rpcTimeout(Duration.ZERO).reconnect(false).build()) {
            CompletableFuture<Integer> call = CounterHandle.of(client, "never").increment();
            ConnectionException notReady = assertInstanceOf(ConnectionException.class, failure(client.ready()));
            assertEquals("Could not connect to " + refusingUrl + ": connection refused", notReady.getMessage());
            ConnectionException notSent = assertInstanceOf(ConnectionException.class, failure(call));
            assertEquals("RPC \"increment\" was not sent: Could not connect to " + refusingUrl + ": connection refused",
                    notSent.getMessage());
            assertEquals(ConnectionStatus.DISCONNECTED, client.status());
        }
    }

    @Test
    void withoutReconnectionACallMadeAfterTheClientGaveUpFailsAtOnce() {
        try (ZocketClient client = ZocketClient.builder(refusingUrl)
                .connectTimeout(Duration.ZERO).rpcTimeout(Duration.ZERO).reconnect(false).build()) {
            failure(client.ready()); // the one attempt has failed: no link will ever come
            ConnectionException notSent = assertInstanceOf(ConnectionException.class,
                    failure(CounterHandle.of(client, "never").increment()));
            assertEquals("RPC \"increment\" was not sent: Could not connect to " + refusingUrl + ": connection refused",
                    notSent.getMessage());
        }
    }

    @Test
    void aCallWaitingForAConnectionThatNeverComesNamesTheUrlAndTheLastFailure() {
        try (ZocketClient client = ZocketClient.builder(refusingUrl).connectTimeout(Duration.ofSeconds(3))
                .rpcTimeout(Duration.ofMillis(300)).reconnectDelay(Duration.ofMillis(50)).build()) {
            failure(client.ready()); // by now an attempt has failed
            ConnectionException notSent = assertInstanceOf(ConnectionException.class,
                    failure(CounterHandle.of(client, "never").increment()));
            assertEquals("RPC \"increment\" was not sent within 300ms: Could not connect to " + refusingUrl
                    + ": connection refused", notSent.getMessage());
            assertInstanceOf(ConnectException.class, notSent.getCause());
        }
    }

    @Test
    void aServerThatRefusesTheHandshakeIsNamedWithItsStatus() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        String url = "ws://127.0.0.1:" + http.getAddress().getPort() + "/nowhere";
        try (ZocketClient client = ZocketClient.builder(url).connectTimeout(Duration.ZERO).reconnect(false).build()) {
            ConnectionException failed = assertInstanceOf(ConnectionException.class, failure(client.ready()));
            assertEquals("Could not connect to " + url + ": the server answered the WebSocket handshake with HTTP 404",
                    failed.getMessage());
        } finally {
            http.stop(0);
        }
    }
}
