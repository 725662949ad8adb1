package dev.zocket.spi;

/** The events type of an actor that declares no {@code @Events} interface. */
public final class NoEvents {

    public static final NoEvents INSTANCE = new NoEvents();

    private NoEvents() {}
}
