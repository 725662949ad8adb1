package dev.zocket.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotation mirrors by name, so the processor never loads user annotation classes. */
final class Annotations {

    static final String ACTOR = "dev.zocket.Actor";
    static final String EVENTS = "dev.zocket.Events";
    static final String VALID = "jakarta.validation.Valid";
    static final String CONSTRAINT = "jakarta.validation.Constraint";

    private Annotations() {}

    static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (typeOf(annotation).getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code member}, including the default when the user did not write it. */
    static AnnotationValue value(Elements elements, AnnotationMirror annotation, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("No member " + member + " in " + annotation);
    }

    /** The value of {@code member} only if the user wrote it, for pointing errors at it. */
    static AnnotationValue explicitValue(AnnotationMirror annotation, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static TypeElement typeOf(AnnotationMirror annotation) {
        return (TypeElement) annotation.getAnnotationType().asElement();
    }

    static boolean isConstraint(AnnotationMirror annotation) {
        return find(typeOf(annotation), CONSTRAINT).isPresent();
    }
}
