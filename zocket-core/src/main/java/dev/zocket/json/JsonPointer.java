package dev.zocket.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 6901 JSON Pointer such as {@code /players/0/name}: an immutable list of reference
 * tokens. {@code ~} and {@code /} inside a token are written {@code ~0} and {@code ~1}.
 *
 * <pre>{@code
 * JsonPointer p = JsonPointer.parse("/a~1b/0");
 * p.tokens();          // ["a/b", "0"]
 * p.append("c~d");     // "/a~1b/0/c~0d"
 * }</pre>
 */
public final class JsonPointer {

    /** The pointer to the whole document, written as the empty string. */
    public static final JsonPointer ROOT = new JsonPointer(List.of(), "");

    private final List<String> tokens;
    private final String text;

    private JsonPointer(List<String> tokens, String text) {
        this.tokens = tokens;
        this.text = text;
    }

    /**
     * Parses pointer text.
     *
     * @throws IllegalArgumentException if the text is not empty and does not start with
     *     {@code /}, or if a {@code ~} is not followed by {@code 0} or {@code 1}
     */
    public static JsonPointer parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return ROOT;
        }
        if (text.charAt(0) != '/') {
            throw new IllegalArgumentException(
                    "JSON Pointer must be empty or start with '/': \"" + text + "\"");
        }
        List<String> tokens = new ArrayList<>();
        int start = 1;
        while (true) {
            int slash = text.indexOf('/', start);
            int end = slash < 0 ? text.length() : slash;
            tokens.add(unescape(text, start, end));
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return new JsonPointer(Collections.unmodifiableList(tokens), text);
    }

    /** Builds a pointer from unescaped tokens. */
    public static JsonPointer of(String... tokens) {
        JsonPointer pointer = ROOT;
        for (String token : tokens) {
            pointer = pointer.append(token);
        }
        return pointer;
    }

    /** Escapes one reference token: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        StringBuilder out = new StringBuilder(token.length() + 4);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '~') {
                out.append("~0");
            } else if (c == '/') {
                out.append("~1");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text, int start, int end) {
        int tilde = text.indexOf('~', start);
        if (tilde < 0 || tilde >= end) {
            return text.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '~') {
                out.append(c);
                continue;
            }
            char next = i + 1 < end ? text.charAt(i + 1) : '\0';
            if (next == '0') {
                out.append('~');
            } else if (next == '1') {
                out.append('/');
            } else {
                throw new IllegalArgumentException(
                        "JSON Pointer has '~' not followed by '0' or '1' at offset " + i
                                + ": \"" + text + "\"");
            }
            i++;
        }
        return out.toString();
    }

    /**
     * Reads a token as an array index: {@code 0} or a positive decimal without leading zeros.
     *
     * @return the index, or {@code -1} if the token is not a valid array index (including
     *     {@code -}, which only {@code add} accepts, meaning "after the last element")
     */
    public static int arrayIndex(String token) {
        int length = token.length();
        if (length == 0 || length > 10 || (length > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** The unescaped reference tokens, outermost first. */
    public List<String> tokens() {
        return tokens;
    }

    public boolean isRoot() {
        return tokens.isEmpty();
    }

    /** The pointer to the parent of the target. */
    public JsonPointer parent() {
        if (isRoot()) {
            throw new IllegalStateException("The root pointer has no parent");
        }
        int lastSlash = text.lastIndexOf('/');
        return new JsonPointer(tokens.subList(0, tokens.size() - 1), text.substring(0, lastSlash));
    }

    /** The last unescaped token. */
    public String last() {
        if (isRoot()) {
            throw new IllegalStateException("The root pointer has no last token");
        }
        return tokens.get(tokens.size() - 1);
    }

    /** A pointer one level deeper. */
    public JsonPointer append(String token) {
        List<String> next = new ArrayList<>(tokens.size() + 1);
        next.addAll(tokens);
        next.add(token);
        return new JsonPointer(Collections.unmodifiableList(next), text + '/' + escape(token));
    }

    /** A pointer to an array element one level deeper. */
    public JsonPointer append(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Array index must not be negative: " + index);
        }
        return append(Integer.toString(index));
    }

    /** Whether {@code other} points strictly inside the value this pointer targets. */
    public boolean isProperPrefixOf(JsonPointer other) {
        return other.tokens.size() > tokens.size()
                && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPointer other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    /** The escaped pointer text, for example {@code /a~1b/0}. */
    @Override
    public String toString() {
        return text;
    }
}
