package test;

import dev.zocket.Actor;

@Actor("chat")
public interface ErroneousGeneratedCollision {
    record State(int count) {}
}

final class ErroneousGeneratedCollisionHandle {}
