package dev.zocket.server.internal.host;

import dev.zocket.server.ZocketBuilder;
import java.util.Map;
import java.util.Objects;

/**
 * Lets the server's friends (the test kit) read what a {@link ZocketBuilder} collected, without
 * an internal type in the builder's public or protected API; the JDK's {@code SharedSecrets}
 * works the same way. {@code ZocketBuilder} installs the reader when its class initializes, which
 * happens before any builder exists to be read.
 */
public final class BuilderAccess {

    /** Reads a builder; implemented once, inside {@code ZocketBuilder}. */
    public interface Reader {

        /** The builder's settings, with {@code environment} applied to the limits. */
        HostSettings settings(ZocketBuilder<?> builder, Map<String, String> environment);
    }

    private static volatile Reader reader;

    private BuilderAccess() {}

    /**
     * Called once, by {@code ZocketBuilder}.
     *
     * @throws IllegalStateException if a reader is installed already
     */
    public static synchronized void install(Reader builderReader) {
        if (reader != null) {
            throw new IllegalStateException("A ZocketBuilder reader is installed already");
        }
        reader = Objects.requireNonNull(builderReader, "builderReader");
    }

    /** The settings of {@code builder}, with {@code environment} applied to its limits. */
    public static HostSettings settings(ZocketBuilder<?> builder, Map<String, String> environment) {
        return reader.settings(builder, environment);
    }
}
