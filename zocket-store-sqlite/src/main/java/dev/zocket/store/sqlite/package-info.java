/** The SQLite {@link dev.zocket.server.persistence.StateStore}: one database file in WAL mode. */
package dev.zocket.store.sqlite;
