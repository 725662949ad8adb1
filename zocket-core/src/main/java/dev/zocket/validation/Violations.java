package dev.zocket.validation;

import dev.zocket.json.DecodeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Formats Bean Validation violations and decode failures as {@code [path: message, ...]}. */
public final class Violations {

    private Violations() {}

    /** {@code [name: must not be blank, stroke.width: must be greater than or equal to 0]}, sorted. */
    public static String format(Set<? extends ConstraintViolation<?>> violations) {
        List<String> lines = new ArrayList<>(violations.size());
        for (ConstraintViolation<?> violation : violations) {
            lines.add(path(violation.getPropertyPath()) + ": " + violation.getMessage());
        }
        Collections.sort(lines);
        return lines.toString();
    }

    /** One decode failure in the same {@code path: message} form; the root is called {@code input}. */
    public static String describe(DecodeException failure) {
        return (failure.path().isEmpty() ? "input" : failure.path()) + ": " + failure.reason();
    }

    /** A property path without Hibernate's {@code <list element>} nodes: {@code points[1]}. */
    public static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            boolean containerElement = node.getKind() == ElementKind.CONTAINER_ELEMENT;
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('[').append(node.getKey()).append(']');
                }
            }
            if (!containerElement && node.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "input" : out.toString();
    }
}
