package test;

import dev.zocket.Actor;
import java.util.Set;

@Actor("tags")
public interface ErroneousSetInState {
    record State(Set<Tag> tags) {}

    record Tag(String name, int uses) {}
}
