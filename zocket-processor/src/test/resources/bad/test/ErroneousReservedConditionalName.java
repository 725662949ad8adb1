package test;

import dev.zocket.Actor;

@Actor("counter")
public interface ErroneousReservedConditionalName {
    record State(int count) {}

    record Version(long value) {}

    void withBaseVersion(Version version);
}
