package test;

import dev.zocket.Actor;
import jakarta.annotation.security.RolesAllowed;

@Actor("empty-roles")
public interface ErroneousEmptyRoles {
    record State(int count) {}

    @RolesAllowed({})
    void reset();

    @RolesAllowed({"admin", " "})
    void clear();
}
