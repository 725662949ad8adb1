package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Maps the types written in a contract to {@link ValueType}s, rejecting what Zocket cannot
 * encode or diff with an error that says why and what to use instead.
 */
final class TypeResolver {

    /** Where a type is used: state must be diffable, messages only encodable. */
    enum Use {
        STATE("the state differ cannot handle"),
        MESSAGE("Zocket cannot encode");

        final String cannot;

        Use(String cannot) {
            this.cannot = cannot;
        }
    }

    /** A type that is not available yet; the contract is read again in the next round. */
    static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Deferred() {
            super(null, null, false, false);
        }
    }

    private static final Set<String> SCALARS = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character",
            "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Duration");

    private static final Set<String> PRIMITIVE_OPTIONALS =
            Set.of("java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    /** Jackson annotations that change a state member's JSON in ways the differ cannot follow. */
    private static final Set<String> UNDIFFABLE_ANNOTATIONS = Set.of(
            "JsonIgnore", "JsonInclude", "JsonUnwrapped", "JsonSerialize", "JsonValue", "JsonAnyGetter",
            "JsonRawValue", "JsonIgnoreProperties", "JsonTypeInfo", "JsonGetter");

    private static final String JSON_NODE = "tools.jackson.databind.JsonNode";

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final boolean finalRound;
    private final Map<Use, Map<String, RecordType>> records = new HashMap<>();

    TypeResolver(Elements elements, Types types, Reporter reporter, boolean finalRound) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.finalRound = finalRound;
    }

    /**
     * Resolves {@code type}, reporting any problem on {@code where}.
     *
     * @param subject names the place in messages, e.g. {@code "Component tags of ChatRoom.State"}
     * @return the type, or {@code null} if an error was reported
     * @throws Deferred if the type is not generated yet and this is not the final round
     */
    ValueType resolve(TypeMirror type, Use use, String subject, Element where) {
        try {
            return resolveOrThrow(type, use, subject, where);
        } catch (AlreadyReported reported) {
            return null;
        } catch (Unsupported unsupported) {
            reporter.error(where, Message.UNSUPPORTED_TYPE, subject, type, use.cannot, unsupported.getMessage());
            return null;
        }
    }

    /** The records resolved so far for {@code use}, in the order they were first seen. */
    List<RecordType> recordsSeen(Use use) {
        return new ArrayList<>(records.getOrDefault(use, Map.of()).values());
    }

    private ValueType resolveOrThrow(TypeMirror type, Use use, String subject, Element where) throws Unsupported {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return new ValueType.Scalar(TypeName.get(type).withoutAnnotations());
        }
        switch (kind) {
            case ERROR:
                if (!finalRound) {
                    throw new Deferred();
                }
                reporter.error(where, Message.UNRESOLVED_TYPE, subject, type);
                throw new AlreadyReported();
            case ARRAY: {
                TypeMirror component = ((ArrayType) type).getComponentType();
                if (component.getKind().isPrimitive()) {
                    return new ValueType.PrimitiveArray(TypeName.get(component).withoutAnnotations());
                }
                throw new Unsupported(Message.TYPE_OBJECT_ARRAY, simpleName(component));
            }
            case DECLARED:
                return resolveDeclared((DeclaredType) type, use, subject, where);
            case TYPEVAR:
            case WILDCARD:
                throw new Unsupported(Message.TYPE_VARIABLE);
            default:
                throw new Unsupported(Message.TYPE_WITHOUT_JSON);
        }
    }

    private ValueType resolveDeclared(DeclaredType type, Use use, String subject, Element where) throws Unsupported {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = type.getTypeArguments();

        if (SCALARS.contains(name)) {
            return new ValueType.Scalar(ClassName.get(element));
        }
        if (isJsonNode(type)) {
            return new ValueType.JsonTree(ClassName.get(element));
        }
        switch (name) {
            case "java.util.List":
                return new ValueType.ListOf(resolveOrThrow(onlyArgument(type, "List<E>"), use, subject, where));
            case "java.util.Set":
                if (use == Use.STATE) {
                    throw new Unsupported(Message.TYPE_SET_IN_STATE);
                }
                return new ValueType.SetOf(resolveOrThrow(onlyArgument(type, "Set<E>"), use, subject, where));
            case "java.util.Optional":
                return new ValueType.OptionalOf(resolveOrThrow(onlyArgument(type, "Optional<T>"), use, subject, where));
            case "java.util.Map": {
                if (arguments.size() != 2) {
                    throw new Unsupported(Message.TYPE_RAW_MAP);
                }
                if (!isString(arguments.get(0))) {
                    throw new Unsupported(Message.TYPE_MAP_KEY);
                }
                return new ValueType.MapOf(resolveOrThrow(arguments.get(1), use, subject, where));
            }
            case "java.util.concurrent.CompletionStage":
            case "java.util.concurrent.CompletableFuture":
                throw new Unsupported(Message.TYPE_STAGE_OUTSIDE_RESULT);
            default:
                break;
        }
        if (PRIMITIVE_OPTIONALS.contains(name)) {
            throw new Unsupported(Message.TYPE_PRIMITIVE_OPTIONAL);
        }
        if (element.getKind() == ElementKind.ENUM) {
            return new ValueType.EnumValue(ClassName.get(element));
        }
        if (element.getKind() == ElementKind.RECORD) {
            if (!element.getTypeParameters().isEmpty()) {
                throw new Unsupported(Message.TYPE_GENERIC_RECORD);
            }
            return resolveRecord(element, use);
        }
        throw new Unsupported(Message.TYPE_UNKNOWN_SHAPE);
    }

    private RecordType resolveRecord(TypeElement element, Use use) {
        Map<String, RecordType> seen = records.computeIfAbsent(use, u -> new LinkedHashMap<>());
        String name = element.getQualifiedName().toString();
        RecordType existing = seen.get(name);
        if (existing != null) {
            return existing;
        }
        RecordType record = new RecordType(element, isArrayShaped(element));
        seen.put(name, record);
        String recordName = displayName(element);
        if (use == Use.STATE) {
            checkDiffableAnnotations(element, element, recordName, "the record");
        }
        List<RecordType.Component> components = new ArrayList<>();
        for (RecordComponentElement component : element.getRecordComponents()) {
            String componentName = component.getSimpleName().toString();
            ExecutableElement accessor = component.getAccessor();
            if (use == Use.STATE) {
                checkDiffableAnnotations(component, accessor, recordName, componentName);
            }
            ValueType type = resolve(component.asType(), use, "Component " + componentName + " of " + recordName,
                    component);
            if (type != null) {
                components.add(new RecordType.Component(componentName, jsonName(component, accessor), type));
            }
        }
        record.setComponents(components);
        return record;
    }

    private void checkDiffableAnnotations(Element where, Element annotated, String recordName, String memberName) {
        for (Element candidate : List.of(where, annotated)) {
            for (AnnotationMirror annotation : candidate.getAnnotationMirrors()) {
                TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
                String simple = annotationType.getSimpleName().toString();
                String qualified = annotationType.getQualifiedName().toString();
                if (qualified.startsWith("com.fasterxml.jackson.") && UNDIFFABLE_ANNOTATIONS.contains(simple)) {
                    reporter.error(where, Message.STATE_JSON_ANNOTATION, memberName, recordName, simple);
                    return;
                }
            }
        }
    }

    /** The wire name of a component: its {@code @JsonProperty} value if it has one. */
    private static String jsonName(RecordComponentElement component, ExecutableElement accessor) {
        for (Element annotated : List.of(component, accessor)) {
            for (AnnotationMirror annotation : annotated.getAnnotationMirrors()) {
                TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
                if (type.getQualifiedName().contentEquals("com.fasterxml.jackson.annotation.JsonProperty")) {
                    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                            : annotation.getElementValues().entrySet()) {
                        if (entry.getKey().getSimpleName().contentEquals("value")) {
                            String value = (String) entry.getValue().getValue();
                            if (!value.isEmpty()) {
                                return value;
                            }
                        }
                    }
                }
            }
        }
        return component.getSimpleName().toString();
    }

    private static boolean isArrayShaped(TypeElement record) {
        for (AnnotationMirror annotation : record.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals("com.fasterxml.jackson.annotation.JsonFormat")) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                        : annotation.getElementValues().entrySet()) {
                    if (entry.getKey().getSimpleName().contentEquals("shape")
                            && entry.getValue().getValue().toString().equals("ARRAY")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private TypeMirror onlyArgument(DeclaredType type, String written) throws Unsupported {
        if (type.getTypeArguments().size() != 1) {
            throw new Unsupported(Message.TYPE_RAW_CONTAINER, type.asElement().getSimpleName(), written);
        }
        return type.getTypeArguments().get(0);
    }

    private boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
    }

    private boolean isJsonNode(DeclaredType type) {
        TypeElement jsonNode = elements.getTypeElement(JSON_NODE);
        return jsonNode != null && types.isAssignable(types.erasure(type), types.erasure(jsonNode.asType()));
    }

    private static String simpleName(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            return ((DeclaredType) type).asElement().getSimpleName().toString();
        }
        return type.toString();
    }

    /** {@code ChatRoom.State} for a nested record, {@code Player} for a top-level one. */
    static String displayName(TypeElement element) {
        return String.join(".", ClassName.get(element).simpleNames());
    }

    /** A type Zocket cannot support; the message (one of the {@code TYPE_} reasons) says why and what to use. */
    private static class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(Message reason, Object... arguments) {
            super(reason.format(arguments), null, false, false);
        }

        /** For {@link AlreadyReported}, whose message is never shown. */
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** An error already reported at a more precise place; stops resolving without another message. */
    private static final class AlreadyReported extends Unsupported {
        private static final long serialVersionUID = 1L;

        AlreadyReported() {
            super();
        }
    }
}
