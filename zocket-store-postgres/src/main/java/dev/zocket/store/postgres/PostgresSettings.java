package dev.zocket.store.postgres;

import java.util.Map;
import java.util.Objects;

/**
 * Where the PostgreSQL store's database is and who it connects as.
 *
 * @param url a JDBC URL, e.g. {@code jdbc:postgresql://db.internal:5432/zocket}; pgjdbc's URL
 *     parameters (e.g. {@code sslmode=verify-full}) go on it
 * @param user the role; it must be allowed to create tables in the database on first start
 * @param password the role's password, or {@code null} when the server does not ask for one
 */
public record PostgresSettings(String url, String user, String password) {

    /** The environment variable holding the JDBC URL. */
    public static final String URL_VARIABLE = "ZOCKET_POSTGRES_URL";
    /** The environment variable holding the role name. */
    public static final String USER_VARIABLE = "ZOCKET_POSTGRES_USER";
    /** The environment variable holding the password. */
    public static final String PASSWORD_VARIABLE = "ZOCKET_POSTGRES_PASSWORD";

    /** Checks the URL is a PostgreSQL JDBC URL and a user is given. */
    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
    }

    /**
     * Reads {@value #URL_VARIABLE}, {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE} (the
     * last optional) from {@code environment}, e.g. {@code System.getenv()}.
     *
     * @throws IllegalArgumentException naming the variable that is missing
     */
    public static PostgresSettings fromEnvironment(Map<String, String> environment) {
        return new PostgresSettings(required(environment, URL_VARIABLE), required(environment, USER_VARIABLE),
                environment.get(PASSWORD_VARIABLE));
    }

    private static String required(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the PostgreSQL store needs the environment variable " + variable);
        }
        return value;
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
