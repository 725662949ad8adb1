package test;

import dev.zocket.Actor;

@Actor("phase")
public interface ErroneousSealedClassVariant {
    record State(Phase phase) {}

    sealed interface Phase permits Lobby, Playing {}

    record Lobby(int players) implements Phase {}

    final class Playing implements Phase {}
}
