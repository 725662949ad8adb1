package dev.zocket.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own for one test, on the throwaway server {@link PostgresExtension} runs.
 *
 * @param jdbcUrl the JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:41234/test_3}
 * @param user the role to connect as; the server trusts connections from 127.0.0.1, so there is
 *     no password
 */
public record TestDatabase(String jdbcUrl, String user) {

    /** Opens a new connection, which the caller closes. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }
}
