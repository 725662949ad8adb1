package test;

import dev.zocket.Actor;

@Actor("clash")
public interface ErroneousDiscriminatorClash {
    record State(Message message) {}

    sealed interface Message permits Text, Image {}

    record Text(String text) implements Message {}

    record Image(String url, String type) implements Message {}
}
