package dev.zocket.hostile.server;

import dev.zocket.server.ServerLimits;
import dev.zocket.server.ServerLimits.Limit;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One {@code NAME=VALUE} argument of {@link HostileServer}, naming a {@link ServerLimits}
 * limit by its builder name, or {@code ~REGEX} for the one limit whose name or description
 * matches. Found at run time, so the harness compiles against any version of
 * {@code ServerLimits}; a name that matches no limit, or several, stops the server with the
 * names it knows.
 */
record LimitSetting(Limit<?> limit, String value) {

    static LimitSetting parse(String argument) {
        int equals = argument.indexOf('=');
        if (equals < 1) {
            throw new IllegalArgumentException("Expected NAME=VALUE, got " + argument);
        }
        String name = argument.substring(0, equals);
        Predicate<Limit<?>> wanted = name.startsWith("~")
                ? candidate -> Pattern.compile(name.substring(1), Pattern.CASE_INSENSITIVE)
                        .matcher(candidate.name() + " " + candidate.description()).find()
                : candidate -> candidate.name().equals(name);
        List<Limit<?>> matches = ServerLimits.all().stream().filter(wanted).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.size() + " limits match " + name + "; the limits are "
                    + ServerLimits.all().stream().map(Limit::name).toList());
        }
        return new LimitSetting(matches.get(0), argument.substring(equals + 1));
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
