package test;

import dev.zocket.Actor;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;

@Actor("guarded-records")
public interface ErroneousAccessOnRecord {
    record State(Secret secret) {}

    @RolesAllowed("admin")
    record Secret(String word) {}

    record Add(int amount) {
        @DenyAll
        public int amount() {
            return amount;
        }
    }

    void add(Add input);
}
