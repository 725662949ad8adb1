/**
 * The client engine: connection state machine, RPC correlation, shared handle cores and their
 * state stores. Internal: {@link dev.zocket.client.ZocketClient} and the test kit use it; it is
 * not an API.
 */
package dev.zocket.client.internal;
