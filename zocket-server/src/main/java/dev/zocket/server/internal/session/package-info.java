/**
 * Connections as the protocol sees them: per-connection state and limits, and the router that
 * reads client messages and hands them to actor instances. Transport-neutral; used by the
 * WebSocket server and the test kit. Internal, not an API.
 */
package dev.zocket.server.internal.session;
