package dev.zocket.server.internal.authz;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An actor-id pattern of a policy rule: literal characters, {@code *} for any run of characters
 * (so {@code private-*} is a prefix), and {@code {userId}} for exactly the caller's own user id,
 * which never matches an anonymous caller. A user id is matched literally: a {@code *} in it is
 * no wildcard.
 */
final class IdPattern {

    static final String USER_ID = "{userId}";
    static final IdPattern ANY = parse("*");

    private sealed interface Token {}

    private record Literal(String text) implements Token {}

    private enum Placeholder implements Token { STAR, USER_ID }

    private final String source;
    private final List<Token> tokens;

    private IdPattern(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /**
     * Reads a pattern.
     *
     * @throws IllegalArgumentException for an empty pattern or a brace that is not {@code {userId}}
     */
    @JsonCreator
    static IdPattern parse(String source) {
        if (source.isEmpty()) {
            throw new IllegalArgumentException("an id pattern must not be empty: use \"*\" for any id");
        }
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '*' || c == '{') {
                if (!literal.isEmpty()) {
                    tokens.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '*') {
                    tokens.add(Placeholder.STAR);
                    i++;
                } else if (source.startsWith(USER_ID, i)) {
                    tokens.add(Placeholder.USER_ID);
                    i += USER_ID.length();
                } else {
                    throw new IllegalArgumentException("unknown placeholder at character " + (i + 1) + " of \""
                            + source + "\": the only one is " + USER_ID);
                }
            } else if (c == '}') {
                throw new IllegalArgumentException("unmatched '}' at character " + (i + 1) + " of \"" + source + "\"");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            tokens.add(new Literal(literal.toString()));
        }
        return new IdPattern(source, List.copyOf(tokens));
    }

    /** Whether {@code actorId} matches, with {@code {userId}} standing for {@code userId}. */
    boolean matches(String actorId, Optional<String> userId) {
        if (tokens.contains(Placeholder.USER_ID) && userId.isEmpty()) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        List<Boolean> stars = new ArrayList<>();
        for (Token token : tokens) {
            if (token == Placeholder.STAR) {
                text.append('*');
                stars.add(true);
            } else {
                String literal = token instanceof Literal l ? l.text() : userId.orElseThrow();
                text.append(literal);
                for (int k = 0; k < literal.length(); k++) {
                    stars.add(false);
                }
            }
        }
        return glob(text, stars, actorId);
    }

    /**
     * Wildcard matching in linear passes with one backtrack point (the last star), so a hostile
     * id costs at most pattern length times id length.
     */
    private static boolean glob(CharSequence pattern, List<Boolean> stars, String id) {
        int p = 0;
        int s = 0;
        int lastStar = -1;
        int matchedByStar = 0;
        while (s < id.length()) {
            if (p < pattern.length() && !stars.get(p) && pattern.charAt(p) == id.charAt(s)) {
                p++;
                s++;
            } else if (p < pattern.length() && stars.get(p)) {
                lastStar = p++;
                matchedByStar = s;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                s = ++matchedByStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && stars.get(p)) {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return source;
    }
}
