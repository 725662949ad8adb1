package test;

import dev.zocket.Actor;

@Actor("counter")
public class ErroneousActorOnClass {
    record State(int count) {}
}
