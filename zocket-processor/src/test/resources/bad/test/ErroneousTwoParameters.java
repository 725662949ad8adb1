package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousTwoParameters {
    record State(int count) {}
    record By(int amount) {}

    void add(By first, By second);
}
