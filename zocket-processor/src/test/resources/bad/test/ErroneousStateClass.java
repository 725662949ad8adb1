package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousStateClass {
    final class State {
        int count;
    }
}
