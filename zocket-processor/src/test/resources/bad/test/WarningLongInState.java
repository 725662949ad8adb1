package test;

import dev.zocket.Actor;
import java.util.List;

@Actor("ids")
public interface WarningLongInState {
    record State(List<Entry> entries) {}

    record Entry(long id, long createdAt, @SuppressWarnings("zocket:precision") long checksum) {}

    record Find(long id) {}

    Entry find(Find input);
}
