package test;

import dev.zocket.Actor;
import dev.zocket.View;

@Actor("secret")
public interface ErroneousViewIncomplete {
    record State(String word) {}

    @View
    static State view(State state, boolean insider) {
        return state;
    }
}
