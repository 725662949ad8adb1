package dev.zocket.hostile.attack;

import java.util.List;

/** Every attack of the suite, in the order the issue lists them. */
public final class Attacks {

    private Attacks() {}

    public static List<Attack> all() {
        return List.of(
                new GhostPlayers(),
                new SubscriptionChurn(),
                new RpcChurn(),
                new PongFlood(),
                new SlowReaders(),
                new OversizedSnapshot(),
                new HalfSentHttp(),
                new PartialFrames(),
                new ManyConnections(),
                new Trickling(),
                new HeaderFlood(),
                new MalformedFlood(),
                new InvalidUtf8(),
                new NonFiniteNumbers(),
                new HangingAsync(),
                new ThrowingFactory());
    }
}
