package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousReservedName {
    record State(int count) {}

    int state();
}
