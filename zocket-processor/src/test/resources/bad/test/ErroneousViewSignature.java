package test;

import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;

@Actor("secret")
public interface ErroneousViewSignature {
    record State(String word) {}

    @View.Audience
    static boolean insider(State state, Viewer viewer) {
        return false;
    }

    @View
    static State view(State state, String insider) {
        return state;
    }
}
