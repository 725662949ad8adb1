package test;

import dev.zocket.Actor;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

@Actor("conflicting")
@PermitAll
@RolesAllowed("admin")
public interface ErroneousConflictingAccess {
    record State(int count) {}

    @PermitAll
    @DenyAll
    void reset();
}
