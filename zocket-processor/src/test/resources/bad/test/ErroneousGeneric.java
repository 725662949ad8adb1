package test;

import dev.zocket.Actor;

@Actor("box")
public interface ErroneousGeneric<T> {
    record State(int count) {}
}
