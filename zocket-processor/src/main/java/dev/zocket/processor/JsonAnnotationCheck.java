package dev.zocket.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Keeps the state differ and Jackson in agreement. The differ writes patch paths from the record
 * components it sees at compile time, so every Jackson annotation that changes a state member's
 * JSON is either followed by the differ ({@code @JsonProperty} renames, {@code @JsonFormat(shape =
 * ARRAY)}, {@code @JsonTypeInfo} on a sealed interface) or rejected here with the reason.
 *
 * <p>The check is an allow-list: an annotation from Jackson 2's or Jackson 3's packages is accepted
 * only if it is known to leave the written JSON alone (deserialization-only annotations, for
 * instance). Annotations bundled with {@code @JacksonAnnotationsInside} are looked into. Methods
 * Jackson would write as extra members ({@code getTotal()}, {@code isEmpty()}) are rejected too.
 */
final class JsonAnnotationCheck {

    private static final List<String> JACKSON_PACKAGES = List.of(
            "com.fasterxml.jackson.annotation.", "com.fasterxml.jackson.databind.annotation.",
            "tools.jackson.databind.annotation.", "tools.jackson.annotation.");

    private static final String ANNOTATIONS_INSIDE = "com.fasterxml.jackson.annotation.JacksonAnnotationsInside";

    /** On a component: annotations that only affect reading, or that the differ follows. */
    private static final Set<String> MEMBER_ALLOWED = Set.of(
            "JsonProperty", "JsonAlias", "JsonSetter", "JsonDeserialize", "JsonPropertyDescription", "JsonMerge",
            "JacksonInject", "JsonInclude");

    /** On a state record or sealed interface: annotations that leave the written members alone. */
    private static final Set<String> TYPE_ALLOWED = Set.of(
            "JsonFormat", "JsonPropertyOrder", "JsonClassDescription", "JsonRootName", "JsonDeserialize",
            "JsonIgnoreProperties", "JsonTypeName", "JsonInclude", "JsonCreator");

    /** On a sealed interface, in addition: the polymorphism the differ follows. */
    private static final Set<String> SEALED_ALLOWED = Set.of("JsonTypeInfo", "JsonSubTypes");

    /** On an enum used as a map key: renames the differ follows, and reading-only annotations. */
    private static final Set<String> ENUM_KEY_ALLOWED = Set.of("JsonProperty", "JsonAlias", "JsonEnumDefaultValue");

    private final Elements elements;
    private final Reporter reporter;

    JsonAnnotationCheck(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** A Jackson annotation as found, possibly inside a user annotation that bundles it. */
    record Found(AnnotationMirror annotation, String simpleName) {}

    /** Checks a record reachable from the state: its own annotations, its components and its other methods. */
    void checkStateRecord(TypeElement record, String recordName, boolean arrayShaped) {
        for (Found found : jacksonAnnotations(record)) {
            String reason = typeReason(found, arrayShaped, false);
            if (reason != null) {
                reporter.error(record, Message.STATE_JSON_ANNOTATION, "Record " + recordName, found.simpleName(), reason);
                return;
            }
        }
        Set<Element> accessors = new HashSet<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            accessors.add(component.getAccessor());
            checkComponent(component, recordName);
        }
        checkOtherMethods(record, recordName, accessors);
    }

    /** Checks a sealed interface in the state; its {@code @JsonTypeInfo} is read by the resolver. */
    void checkSealedInterface(TypeElement sealed, String name) {
        for (Found found : jacksonAnnotations(sealed)) {
            if (SEALED_ALLOWED.contains(found.simpleName())) {
                continue;
            }
            String reason = typeReason(found, false, true);
            if (reason != null) {
                reporter.error(sealed, Message.STATE_JSON_ANNOTATION, "Sealed interface " + name, found.simpleName(),
                        reason);
                return;
            }
        }
    }

    /**
     * The reason an enum cannot key a state map, or {@code null} if Zocket can name its keys as
     * Jackson does: by each constant's {@code @JsonProperty} name, else its {@code toString()}.
     */
    String enumKeyProblem(TypeElement enumType) {
        for (Element member : enumType.getEnclosedElements()) {
            boolean constant = member.getKind() == ElementKind.ENUM_CONSTANT;
            for (Found found : jacksonAnnotations(member)) {
                if (!constant || !ENUM_KEY_ALLOWED.contains(found.simpleName())) {
                    return "@" + found.simpleName() + " on " + member.getSimpleName();
                }
            }
        }
        for (Found found : jacksonAnnotations(enumType)) {
            return "@" + found.simpleName() + " on the enum";
        }
        return null;
    }

    /** The wire name of a component: its {@code @JsonProperty} value if it has one. */
    String jsonName(RecordComponentElement component) {
        for (Element annotated : List.of(component, component.getAccessor())) {
            for (Found found : jacksonAnnotations(annotated)) {
                if (found.simpleName().equals("JsonProperty")) {
                    Object value = explicit(found.annotation(), "value");
                    if (value instanceof String name && !name.isEmpty()) {
                        return name;
                    }
                }
            }
        }
        return component.getSimpleName().toString();
    }

    /** The {@code @JsonProperty} name of an enum constant, or {@code null} if it is not renamed. */
    String constantRename(Element constant) {
        for (Found found : jacksonAnnotations(constant)) {
            if (found.simpleName().equals("JsonProperty")) {
                Object value = explicit(found.annotation(), "value");
                if (value instanceof String name && !name.isEmpty()) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The Jackson annotation named {@code simpleName} on {@code element}, directly or bundled. */
    AnnotationMirror find(Element element, String simpleName) {
        for (Found found : jacksonAnnotations(element)) {
            if (found.simpleName().equals(simpleName)) {
                return found.annotation();
            }
        }
        return null;
    }

    private void checkComponent(RecordComponentElement component, String recordName) {
        for (Element annotated : List.of(component, component.getAccessor())) {
            for (Found found : jacksonAnnotations(annotated)) {
                String reason = memberReason(found);
                if (reason != null) {
                    reporter.error(component, Message.STATE_JSON_ANNOTATION,
                            "Component " + component.getSimpleName() + " of " + recordName, found.simpleName(), reason);
                    return;
                }
            }
        }
    }

    /** Getters Jackson would write as members the differ never sees, and annotated non-accessors. */
    private void checkOtherMethods(TypeElement record, String recordName, Set<Element> accessors) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(record))) {
            if (accessors.contains(method) || method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            List<Found> annotations = jacksonAnnotations(method);
            boolean ignored = annotations.stream().anyMatch(found -> found.simpleName().equals("JsonIgnore"));
            if (ignored) {
                continue;
            }
            for (Found found : annotations) {
                reporter.error(method, Message.STATE_JSON_METHOD, method.getSimpleName(), recordName,
                        "is annotated @" + found.simpleName());
                return;
            }
            if (isBeanGetter(method)) {
                reporter.error(method, Message.STATE_JSON_METHOD, method.getSimpleName(), recordName,
                        "looks like a getter");
                return;
            }
        }
    }

    /** Jackson's implicit getters: public, no parameters, {@code getX()} or a boolean {@code isX()}. */
    private static boolean isBeanGetter(ExecutableElement method) {
        if (!method.getModifiers().contains(Modifier.PUBLIC) || !method.getParameters().isEmpty()
                || method.getReturnType().getKind() == TypeKind.VOID) {
            return false;
        }
        String name = method.getSimpleName().toString();
        if (name.equals("getClass")) {
            return false;
        }
        if (name.length() > 3 && name.startsWith("get") && !Character.isLowerCase(name.charAt(3))) {
            return true;
        }
        String returned = method.getReturnType().toString();
        return name.length() > 2 && name.startsWith("is") && !Character.isLowerCase(name.charAt(2))
                && (returned.equals("boolean") || returned.equals("java.lang.Boolean"));
    }

    /** Why {@code found} on a component breaks the differ, or {@code null} if it does not. */
    private static String memberReason(Found found) {
        String name = found.simpleName();
        if (name.equals("JsonProperty")) {
            Object access = explicit(found.annotation(), "access");
            return access != null && access.toString().equals("WRITE_ONLY")
                    ? "leaves the member out of the JSON written to clients (access = WRITE_ONLY)" : null;
        }
        if (name.equals("JsonInclude")) {
            return includesEverything(found.annotation()) ? null : "leaves null or empty values out of the JSON";
        }
        if (MEMBER_ALLOWED.contains(name)) {
            return null;
        }
        return switch (name) {
            case "JsonIgnore", "JsonBackReference" -> "leaves the member out of the JSON";
            case "JsonUnwrapped" -> "moves the value's members into the enclosing object";
            case "JsonSerialize" -> "hands the member to a serializer of its own";
            case "JsonFormat" -> "changes how the value is written";
            case "JsonValue", "JsonRawValue", "JsonKey" -> "writes the value in another form";
            case "JsonAnyGetter" -> "writes the entries as members of the enclosing object";
            case "JsonTypeInfo", "JsonTypeId" -> "adds type information to the value";
            case "JsonView", "JsonFilter" -> "makes the member's presence depend on the view or filter in use";
            case "JsonIdentityInfo", "JsonIdentityReference", "JsonManagedReference" ->
                    "writes references instead of values";
            default -> "is a Jackson annotation that may change the JSON written";
        };
    }

    /** Why {@code found} on a record or sealed interface breaks the differ, or {@code null} if it does not. */
    private static String typeReason(Found found, boolean arrayShaped, boolean sealed) {
        String name = found.simpleName();
        switch (name) {
            case "JsonFormat": {
                Object shape = explicit(found.annotation(), "shape");
                String value = shape == null ? "ANY" : shape.toString();
                return sealed && value.equals("ARRAY") || !List.of("ANY", "NATURAL", "OBJECT", "ARRAY").contains(value)
                        ? "writes it with shape " + value : null;
            }
            case "JsonPropertyOrder":
                return arrayShaped ? "reorders the elements of its JSON array" : null;
            case "JsonIgnoreProperties": {
                Object ignored = explicit(found.annotation(), "value");
                return ignored instanceof List<?> names && !names.isEmpty() ? "leaves members out of the JSON" : null;
            }
            case "JsonInclude":
                return includesEverything(found.annotation()) ? null : "leaves null or empty values out of the JSON";
            case "JsonNaming":
                return "renames every member with a naming strategy";
            case "JsonSerialize":
                return "hands the record to a serializer of its own";
            case "JsonAutoDetect":
                return "changes which members are written";
            case "JsonTypeInfo":
                return "adds type information that only a sealed interface of records can carry";
            default:
                return TYPE_ALLOWED.contains(name) ? null : memberReason(found);
        }
    }

    private static boolean includesEverything(AnnotationMirror include) {
        for (String member : List.of("value", "content")) {
            Object value = explicit(include, member);
            if (value != null && !value.toString().equals("ALWAYS") && !value.toString().equals("USE_DEFAULTS")) {
                return false;
            }
        }
        return true;
    }

    /** The Jackson annotations on {@code element}, looking into annotations marked {@code @JacksonAnnotationsInside}. */
    List<Found> jacksonAnnotations(Element element) {
        List<Found> found = new ArrayList<>();
        collect(element.getAnnotationMirrors(), found, new HashSet<>());
        return found;
    }

    private static void collect(List<? extends AnnotationMirror> annotations, List<Found> found, Set<String> visited) {
        for (AnnotationMirror annotation : annotations) {
            TypeElement type = Annotations.typeOf(annotation);
            String qualified = type.getQualifiedName().toString();
            if (JACKSON_PACKAGES.stream().anyMatch(qualified::startsWith)) {
                if (!qualified.equals(ANNOTATIONS_INSIDE)) {
                    found.add(new Found(annotation, type.getSimpleName().toString()));
                }
            } else if (Annotations.find(type, ANNOTATIONS_INSIDE).isPresent() && visited.add(qualified)) {
                collect(type.getAnnotationMirrors(), found, visited);
            }
        }
    }

    /** The value written for {@code member}, or {@code null} when it is left at its default. */
    private static Object explicit(AnnotationMirror annotation, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }
}
