package dev.zocket.store.postgres;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method that asks for a {@link TestDatabase} parameter an empty database of its
 * own on a real PostgreSQL server. One {@link ThrowawayPostgres} serves the whole test run: it
 * starts on first use and stops when JUnit closes its root store.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class SomeTest {
 *     @Test
 *     void works(TestDatabase database) { ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ThrowawayPostgres server = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(ThrowawayPostgres.class, key -> startServer(), ThrowawayPostgres.class);
        try {
            return server.createDatabase();
        } catch (SQLException e) {
            throw new ParameterResolutionException("could not create a test database on the throwaway PostgreSQL", e);
        }
    }

    private static ThrowawayPostgres startServer() {
        try {
            return ThrowawayPostgres.start();
        } catch (java.io.IOException e) {
            throw new ExtensionConfigurationException("could not start a throwaway PostgreSQL server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionConfigurationException("interrupted while starting PostgreSQL", e);
        }
    }
}
