/**
 * Assembles a server-side runtime (registrations, validation, codecs, registry, protocol
 * handler) that a transport plugs into: the WebSocket server, or the test kit's in-memory one.
 * Internal, not an API.
 */
package dev.zocket.server.internal.host;
