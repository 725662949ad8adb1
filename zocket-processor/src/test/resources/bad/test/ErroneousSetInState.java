package test;

import dev.zocket.Actor;
import java.util.Set;

@Actor("tags")
public interface ErroneousSetInState {
    record State(Set<String> tags) {}
}
