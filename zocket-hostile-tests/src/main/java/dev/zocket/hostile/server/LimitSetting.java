package dev.zocket.hostile.server;

import dev.zocket.server.ServerLimits;
import dev.zocket.server.ServerLimits.Limit;
import java.time.Duration;
import java.util.Optional;

/**
 * One {@code NAME=VALUE} argument of {@link HostileServer}, naming a {@link ServerLimits}
 * limit by its builder name. Looked up at run time, so the harness compiles against any version
 * of {@code ServerLimits}. An unknown name stops the server with the names it knows, unless it
 * is written {@code ?NAME=VALUE}: an optional setting, left out on a server without that limit.
 */
record LimitSetting(Limit<?> limit, String value) {

    static Optional<LimitSetting> parse(String argument) {
        int equals = argument.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException("Expected NAME=VALUE, got " + argument);
        }
        boolean optional = argument.startsWith("?");
        String name = argument.substring(optional ? 1 : 0, equals);
        Optional<Limit<?>> limit = ServerLimits.all().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        if (limit.isEmpty() && !optional) {
            throw new IllegalArgumentException("No limit named " + name + "; the limits are "
                    + ServerLimits.all().stream().map(Limit::name).toList());
        }
        if (limit.isEmpty()) {
            System.err.println("This server has no limit " + name + "; the optional setting is left out");
        }
        return limit.map(found -> new LimitSetting(found, argument.substring(equals + 1)));
    }

    void applyTo(ServerLimits.Builder builder) {
        set(builder, limit);
    }

    private <T> void set(ServerLimits.Builder builder, Limit<T> typed) {
        Class<T> type = typed.type();
        Object parsed;
        if (type == Integer.class) {
            parsed = Integer.valueOf(value);
        } else if (type == Long.class) {
            parsed = Long.valueOf(value);
        } else if (type == Duration.class) {
            parsed = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } else {
            throw new IllegalArgumentException("Cannot set " + typed.name() + " of type " + type.getName());
        }
        builder.set(typed, type.cast(parsed));
    }
}
