/**
 * The actor runtime: instances, their mailboxes and transactions, the registry that creates and
 * passivates them, and metrics. Internal: used by the server and the test kit, not an API.
 */
package dev.zocket.server.internal.runtime;
