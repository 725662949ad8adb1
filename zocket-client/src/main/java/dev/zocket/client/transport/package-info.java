/**
 * The connection a client runs over, as an interface: the JDK WebSocket in production, an
 * in-memory link to a server runtime in the test kit.
 */
package dev.zocket.client.transport;
