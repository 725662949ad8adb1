package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousDefaultMethod {
    record State(int count) {}

    default int twice() {
        return 2;
    }
}
