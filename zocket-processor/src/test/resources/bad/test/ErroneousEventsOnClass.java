package test;

import dev.zocket.Actor;
import dev.zocket.Events;

@Actor("chat")
public interface ErroneousEventsOnClass {
    record State(int count) {}

    @Events
    final class Notifications {}
}
