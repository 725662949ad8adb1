package dev.zocket.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds nested records whose constraints Bean Validation would silently skip: it only cascades
 * into a component annotated {@code @Valid}. Applies to what clients send (method inputs) and
 * what the server emits (event payloads).
 */
final class CascadeCheck {

    private final Reporter reporter;
    private final Map<RecordType, Boolean> constrained = new HashMap<>();
    private final Set<RecordType> checked = new HashSet<>();

    CascadeCheck(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Reports every component reachable from {@code root}, a record or each variant of a sealed interface, that needs {@code @Valid}. */
    void check(ValueType root) {
        for (RecordType record : recordsIn(root)) {
            check(record);
        }
    }

    private void check(RecordType root) {
        if (!checked.add(root)) {
            return;
        }
        for (RecordComponentElement element : root.element().getRecordComponents()) {
            RecordType.Component component = componentNamed(root, element.getSimpleName().toString());
            if (component == null) {
                continue;
            }
            boolean reported = false;
            for (RecordType nested : recordsIn(component.type())) {
                if (!reported && hasConstraints(nested) && !isValidated(element)) {
                    TypeElement held = heldType(component.type());
                    reporter.error(element, Message.MISSING_VALID, component.name(),
                            TypeResolver.displayName(root.element()), TypeResolver.displayName(held),
                            held.getSimpleName());
                    reported = true;
                }
                check(nested);
            }
        }
    }

    private static RecordType.Component componentNamed(RecordType record, String name) {
        for (RecordType.Component component : record.components()) {
            if (component.name().equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** The record or sealed interface a component's type holds, itself or inside its containers. */
    private static TypeElement heldType(ValueType type) {
        if (type instanceof RecordType record) {
            return record.element();
        }
        if (type instanceof SealedType sealed) {
            return sealed.element();
        }
        if (type instanceof ValueType.ListOf list) {
            return heldType(list.element());
        }
        if (type instanceof ValueType.SetOf set) {
            return heldType(set.element());
        }
        if (type instanceof ValueType.MapOf map) {
            return heldType(map.value());
        }
        if (type instanceof ValueType.OptionalOf optional) {
            return heldType(optional.element());
        }
        throw new IllegalArgumentException("Holds no record: " + type);
    }

    /** The records a component's type holds: itself, the variants of a sealed interface, or the elements of its containers. */
    private static List<RecordType> recordsIn(ValueType type) {
        if (type instanceof RecordType record) {
            return List.of(record);
        }
        if (type instanceof SealedType sealed) {
            return sealed.variants();
        }
        if (type instanceof ValueType.ListOf list) {
            return recordsIn(list.element());
        }
        if (type instanceof ValueType.SetOf set) {
            return recordsIn(set.element());
        }
        if (type instanceof ValueType.MapOf map) {
            return recordsIn(map.value());
        }
        if (type instanceof ValueType.OptionalOf optional) {
            return recordsIn(optional.element());
        }
        return List.of();
    }

    private boolean hasConstraints(RecordType record) {
        Boolean known = constrained.get(record);
        if (known != null) {
            return known;
        }
        constrained.put(record, false); // a recursive record is not constrained through itself
        boolean result = hasConstraintAnnotation(record.element());
        for (RecordComponentElement element : record.element().getRecordComponents()) {
            result |= hasConstraintAnnotation(element) || hasConstraintAnnotation(element.getAccessor())
                    || typeHasConstraint(element.asType());
        }
        for (RecordType.Component component : record.components()) {
            for (RecordType nested : recordsIn(component.type())) {
                result |= hasConstraints(nested);
            }
        }
        constrained.put(record, result);
        return result;
    }

    private static boolean hasConstraintAnnotation(Element element) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (Annotations.isConstraint(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeHasConstraint(TypeMirror type) {
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            if (Annotations.isConstraint(annotation)) {
                return true;
            }
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (typeHasConstraint(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code @Valid} on the component, its accessor, or a type argument of its type. */
    private static boolean isValidated(RecordComponentElement element) {
        return Annotations.find(element, Annotations.VALID).isPresent()
                || Annotations.find(element.getAccessor(), Annotations.VALID).isPresent()
                || typeHasValid(element.asType());
    }

    private static boolean typeHasValid(TypeMirror type) {
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            if (Annotations.typeOf(annotation).getQualifiedName().contentEquals(Annotations.VALID)) {
                return true;
            }
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (typeHasValid(argument)) {
                    return true;
                }
            }
        }
        return false;
    }
}
