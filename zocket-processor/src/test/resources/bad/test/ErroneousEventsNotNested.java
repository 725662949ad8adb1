package test;

import dev.zocket.Events;

@Events
public interface ErroneousEventsNotNested {
    void ping();
}
