package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousGenericMethod {
    record State(int count) {}

    <T> void add();
}
