/**
 * The network side: the WebSocket server on Java-WebSocket and the HTTP endpoints on the JDK's
 * HTTP server. Internal, not an API.
 */
package dev.zocket.server.internal.transport;
