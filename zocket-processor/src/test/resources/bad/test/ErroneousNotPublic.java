package test;

import dev.zocket.Actor;

@Actor("counter")
interface ErroneousNotPublic {
    record State(int count) {}
}
