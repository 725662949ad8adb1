package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousOverload {
    record State(int count) {}
    record By(int amount) {}

    void add();

    void add(By by);
}
