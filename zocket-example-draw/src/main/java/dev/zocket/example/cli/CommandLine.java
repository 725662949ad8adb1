package dev.zocket.example.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --name value} options for the example and benchmark programs, naming the option
 * when one is wrong.
 */
public final class CommandLine {

    private CommandLine() {}

    /** The options given, by name without the dashes; fails on an unknown option or a missing value. */
    public static Map<String, String> parse(String[] args, String... known) {
        List<String> names = Arrays.asList(known);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !names.contains(arg.substring(2))) {
                throw new IllegalArgumentException("Unknown option " + arg + "; known: --" + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.put(arg.substring(2), args[++i]);
        }
        return options;
    }

    /** The option, else the environment variable, else the default. */
    public static int port(Map<String, String> options, String option, String variable, int fallback) {
        String text = options.getOrDefault(option, System.getenv(variable));
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " (or $" + variable + ") must be a port from 0 to 65535, got '"
                    + text + "'");
        }
    }

    /** The option as a whole number of at least {@code minimum}, else {@code fallback}. */
    public static int integer(Map<String, String> options, String option, int fallback, int minimum) {
        String text = options.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < minimum) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a whole number of at least " + minimum
                    + ", got '" + text + "'");
        }
    }
}
