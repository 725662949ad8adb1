/**
 * The client engine and what it is made of: the connection state and its reconnection, call
 * correlation and timeouts, handle cores with their subscriptions and state stores, the outbox,
 * the JDK WebSocket transport and the threads clients share. Internal:
 * {@link dev.zocket.client.ZocketClient} and the test kit use it; it is not an API. The
 * threading contract of each class is in its Javadoc; {@link
 * dev.zocket.client.internal.ClientEngine} explains how they fit together.
 */
package dev.zocket.client.internal;
