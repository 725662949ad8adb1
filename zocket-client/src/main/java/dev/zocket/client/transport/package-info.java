/**
 * The extension point a client's connection is made through: {@link
 * dev.zocket.client.transport.Transport}. The client uses the JDK WebSocket (an internal
 * implementation); the test kit plugs in an in-memory link to a server runtime.
 */
package dev.zocket.client.transport;
