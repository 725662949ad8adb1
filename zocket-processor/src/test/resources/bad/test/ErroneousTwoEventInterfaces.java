package test;

import dev.zocket.Actor;

@Actor("chat")
public interface ErroneousTwoEventInterfaces {
    record State(int count) {}
    record Ping(String from) {}

    interface Events {
        void ping(Ping ping);
    }

    @dev.zocket.Events
    interface MoreEvents {
        void pong(Ping ping);
    }
}
