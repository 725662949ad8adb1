package test;

import dev.zocket.Actor;

@Actor("chat room")
public interface ErroneousName {
    record State(int count) {}
}
