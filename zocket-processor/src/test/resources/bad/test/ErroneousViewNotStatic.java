package test;

import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;

@Actor("secret")
public interface ErroneousViewNotStatic {
    record State(String word) {}

    @View.Audience
    static boolean insider(State state, Viewer viewer) {
        return false;
    }

    @View
    private static State view(State state, boolean insider) {
        return state;
    }
}
