package dev.zocket.server.internal.runtime;

/** What a connection subscribes to on an instance. */
public enum SubscriptionKind {
    EVENTS,
    STATE
}
