package test;

import dev.zocket.Actor;

public final class ErroneousDuplicateName {
    @Actor("chat")
    public interface First {
        record State(int count) {}
    }

    @Actor("chat")
    public interface Second {
        record State(int count) {}
    }
}
