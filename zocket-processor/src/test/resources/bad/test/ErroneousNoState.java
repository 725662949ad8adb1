package test;

import dev.zocket.Actor;

@Actor("stateless")
public interface ErroneousNoState {
    void ping();
}
