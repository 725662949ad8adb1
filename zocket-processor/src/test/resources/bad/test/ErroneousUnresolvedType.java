package test;

import dev.zocket.Actor;

@Actor("ghost")
public interface ErroneousUnresolvedType {
    record State(DoesNotExist ghost) {}
}
