package test;

import dev.zocket.Actor;

@Actor("chat")
public interface ErroneousEventSignature {
    record State(int count) {}

    interface Events {
        String ping(String from);
    }
}
