package dev.zocket.spi;

/**
 * Receives events from generated emitters. The host validates the payload at once (a handler
 * emitting an invalid payload fails) and delivers it only if the handler completes.
 */
@FunctionalInterface
public interface EventSink {

    void emit(String event, Object payload, EventTarget target);
}
