package test;

import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;

@Actor("secret")
public interface ErroneousViewAudienceSignature {
    record State(String word) {}

    @View.Audience
    static byte[] insider(State state, Viewer viewer) {
        return new byte[0];
    }

    @View
    static State view(State state, byte[] insider) {
        return state;
    }
}
