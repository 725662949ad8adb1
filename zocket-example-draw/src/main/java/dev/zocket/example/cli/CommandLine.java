package dev.zocket.example.draw;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --name value} options, naming the option when one is wrong. */
final class CommandLine {

    private CommandLine() {}

    static Map<String, String> parse(String[] args, String... known) {
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
    static int port(Map<String, String> options, String option, String variable, int fallback) {
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

    static int integer(Map<String, String> options, String option, int fallback) {
        String text = options.get(option);
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a number, got '" + text + "'");
        }
    }
}
