package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import dev.zocket.hostile.server.FaultyFactory;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Calls to an actor whose factory throws. Each call is answered with {@code internal_error} and
 * a generic message (never the exception's own), and the factory runs at most once per call:
 * retried on a later call, never in a loop.
 */
final class ThrowingFactory implements Attack {

    private static final int CALLS = 300;
    private static final int INSTANCES = 5;

    @Override
    public String name() {
        return "throwing-factory";
    }

    @Override
    public String description() {
        return CALLS + " calls to " + INSTANCES + " instances of an actor whose factory throws";
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        RpcConnection caller = engagement.hold(RpcConnection.connect(server.wsPort()));
        caller.socket.setReadTimeout(5_000);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            JsonNode result = caller.call("faulty", "faulty-" + i % INSTANCES, "touch", null);
            boolean leaks = result.path("error").asString("").contains(FaultyFactory.SECRET);
            if ((!RpcConnection.outcome(result).equals("internal_error") || leaks) && wrong.size() < 3) {
                wrong.add(result.toString());
            }
        }
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                if (!wrong.isEmpty()) {
                    throw new AssertionError("Expected internal_error with a generic message, got " + wrong);
                }
                long runs = target.factoryRuns();
                if (runs > CALLS) {
                    throw new AssertionError("The factory ran " + runs + " times for " + CALLS + " calls");
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }
}
