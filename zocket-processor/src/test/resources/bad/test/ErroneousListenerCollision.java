package test;

import dev.zocket.Actor;

@Actor("chat")
public interface ErroneousListenerCollision {
    record State(int count) {}
    record Ping(String from) {}

    void onPing();

    interface Events {
        void ping(Ping ping);
    }
}
