package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousParameterNotRecord {
    record State(int count) {}

    void add(int amount);
}
