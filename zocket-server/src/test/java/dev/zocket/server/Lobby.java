package dev.zocket.server;

import dev.zocket.Actor;
import java.util.List;

/**
 * A game lobby as the ghost tests need it: {@code join} adds the caller to the players, and
 * {@code onDisconnect} removes it, so a client whose join ran without its disconnect stays a
 * player forever.
 */
@Actor("lobby")
public interface Lobby {

    record State(List<String> players) {
        public State() {
            this(List.of());
        }
    }

    /** Adds the caller to the players; returns how many there are. */
    int join();
}
