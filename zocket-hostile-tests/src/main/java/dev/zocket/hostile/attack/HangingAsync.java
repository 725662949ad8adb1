package dev.zocket.hostile.attack;

import dev.zocket.hostile.ChildServer;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Calls whose handler returns a stage that never completes, each followed by a call to the same
 * instance. Past the async handler deadline (2 s here) the hung call answers {@code timeout}
 * and the instance moves on to the next call.
 */
final class HangingAsync implements Attack {

    private static final int INSTANCES = 50;

    /** A 2-second async handler deadline, on servers that have one. */
    static final String DEADLINE_SETTING = "?handlerTimeout=2";

    @Override
    public String name() {
        return "hanging-async";
    }

    @Override
    public String description() {
        return INSTANCES + " instances each get a call whose stage never completes, then a ping";
    }

    @Override
    public List<String> serverLimits() {
        return List.of(DEADLINE_SETTING);
    }

    @Override
    public Engagement launch(ChildServer server) throws Exception {
        Engagement engagement = new Engagement();
        RpcConnection caller = engagement.hold(RpcConnection.connect(server.wsPort()));
        List<String> hangs = new ArrayList<>();
        List<String> pings = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            hangs.add(caller.send("stall", "stall-" + i, "hang", null));
            pings.add(caller.send("stall", "stall-" + i, "ping", null));
        }
        return new Engagement() {
            @Override
            public void verify(ChildServer target) throws Exception {
                caller.socket.setReadTimeout(15_000);
                List<String> all = new ArrayList<>(hangs);
                all.addAll(pings);
                Map<String, JsonNode> results;
                try {
                    results = caller.results(all);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("A hung call, or the call queued behind it, got no answer within "
                            + "15 s: the instance did not move on", e);
                }
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    JsonNode hang = results.get(hangs.get(i));
                    JsonNode ping = results.get(pings.get(i));
                    if (!RpcConnection.outcome(hang).equals("timeout") || !RpcConnection.outcome(ping).equals("ok")) {
                        wrong.add(hang + " / " + ping);
                    }
                }
                if (!wrong.isEmpty()) {
                    throw new AssertionError(wrong.size() + " hung calls were not answered with timeout, "
                            + "or their instance did not move on: " + wrong.get(0));
                }
            }

            @Override
            public void close() {
                engagement.close();
            }
        };
    }
}
