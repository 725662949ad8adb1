package dev.zocket.server.runtime;

/** What a connection subscribes to on an instance. */
public enum SubscriptionKind {
    EVENTS,
    STATE
}
