package test;

import dev.zocket.Actor;
import java.util.Optional;

@Actor("maybe")
public interface ErroneousNestedOptional {
    record State(Optional<Optional<String>> nickname) {}
}
