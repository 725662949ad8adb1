/**
 * The persistence SPI: where durable actors keep their state. A {@link
 * dev.zocket.server.persistence.StateStore} holds, per actor instance, the latest snapshot with
 * its version and an append-only log of the changes that led to it. The server writes through one
 * store; {@link dev.zocket.server.persistence.MemoryStateStore} is the one for tests, database
 * stores live in their own modules ({@code zocket-store-sqlite}, {@code zocket-store-postgres}) so
 * that their drivers stay out of the server's dependencies. Every store passes the contract suite
 * in {@code zocket-store-tck}. See docs/persistence.md.
 */
package dev.zocket.server.persistence;
