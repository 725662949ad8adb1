package dev.zocket.store.postgres;

import dev.zocket.server.persistence.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One JDBC connection, used by one caller at a time, opened on first use and replaced after a
 * failure. Thread-safe: every use holds this slot's lock.
 */
final class ConnectionSlot {

    /** Work done with a connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final PostgresSettings settings;
    private Connection connection;
    private boolean closed;

    ConnectionSlot(PostgresSettings settings) {
        this.settings = settings;
    }

    /** The open connection, connecting first if needed. */
    synchronized Connection connection() throws SQLException {
        if (closed) {
            throw new StoreException("the PostgreSQL store is closed");
        }
        if (connection == null) {
            connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        }
        return connection;
    }

    /** Runs {@code work} in auto-commit mode. */
    synchronized <T> T read(String what, Work<T> work) {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            discard();
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    synchronized <T> T transaction(String what, Work<T> work) {
        try {
            Connection open = connection();
            open.setAutoCommit(false);
            try {
                T result = work.run(open);
                open.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(open);
                throw e;
            } finally {
                if (connection == open) {
                    open.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            discard();
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    synchronized void close() {
        closed = true;
        discard();
    }

    private void rollbackQuietly(Connection open) {
        try {
            open.rollback();
        } catch (SQLException e) {
            discard();
        }
    }

    private void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken: the next use opens a new one.
            }
            connection = null;
        }
    }
}
