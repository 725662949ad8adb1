package test;

import dev.zocket.Actor;
import jakarta.annotation.security.RolesAllowed;

@Actor("guarded-events")
public interface ErroneousAccessOnEvents {
    record State(int count) {}

    record Ping(String from) {}

    @RolesAllowed("admin")
    interface Events {
        @RolesAllowed("admin")
        void ping(Ping ping);
    }
}
