package dev.zocket.server.internal.authz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads access policy files: JSON, bound strictly (unknown fields, duplicate keys and trailing
 * tokens are errors), with errors that name the source, the line and the field.
 */
public final class PolicyFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PolicyFiles() {}

    /**
     * Reads the policy in {@code file}.
     *
     * @throws IllegalArgumentException if it cannot be read or is not a valid policy
     */
    public static AccessPolicy read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the access policy " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a policy from {@code json}; {@code source} names it in errors.
     *
     * @throws IllegalArgumentException naming the line and field, if it is not a valid policy
     */
    public static AccessPolicy parse(String json, String source) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            AccessPolicy policy;
            try {
                policy = MAPPER.readValue(parser, AccessPolicy.class);
            } catch (JacksonException e) {
                throw new IllegalArgumentException(describe(e, parser, source), e);
            }
            if (policy == null) {
                throw new IllegalArgumentException(source + ": the policy is empty: expected {\"mode\": ..., \"rules\": [...]}");
            }
            return policy;
        }
    }

    private static String describe(JacksonException e, JsonParser parser, String source) {
        StringBuilder text = new StringBuilder(source);
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() <= 0) {
            location = parser.currentTokenLocation(); // a record's fields are buffered: where reading stopped
        }
        if (location != null && location.getLineNr() > 0) {
            text.append(" line ").append(location.getLineNr());
        }
        String field = e instanceof DatabindException bound ? fieldPath(bound) : "";
        if (!field.isEmpty()) {
            text.append(", field ").append(field);
        }
        return text.append(": ").append(reason(e)).toString();
    }

    /** The path to the offending field, {@code rules[1].access[0]}. */
    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** How the file spells an enum's constants: their {@code @JsonProperty} names, in declaration order. */
    private static List<String> spellings(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                names.add(property == null ? name : property.value());
            } catch (NoSuchFieldException impossible) {
                throw new AssertionError(impossible);
            }
        }
        return names;
    }

    /** Jackson's message without its location and path, or the rule's own explanation. */
    private static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"; the fields here are "
                    + new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList());
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return "\"" + invalid.getValue() + "\" is not allowed here; expected one of " + spellings(invalid.getTargetType());
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException own) {
            return own.getMessage();
        }
        String message = e.getOriginalMessage();
        int details = message.indexOf('\n');
        return details < 0 ? message : message.substring(0, details);
    }
}
