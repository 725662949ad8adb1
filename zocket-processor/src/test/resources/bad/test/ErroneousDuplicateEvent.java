package test;

import dev.zocket.Actor;

@Actor("chat")
public interface ErroneousDuplicateEvent {
    record State(int count) {}
    record Ping(String from) {}
    record Pong(String to) {}

    interface Events {
        void ping(Ping ping);

        void ping(Pong pong);
    }
}
