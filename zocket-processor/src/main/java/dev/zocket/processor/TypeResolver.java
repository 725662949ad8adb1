package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Maps the types written in a contract to {@link ValueType}s, rejecting what Zocket cannot
 * encode or diff with an error that says why and what to use instead.
 */
final class TypeResolver {

    /** Where a type is used: state must be diffable; what clients read is checked for lossy numbers. */
    enum Use {
        STATE("the state differ cannot handle", true),
        MESSAGE("Zocket cannot encode", true),
        INPUT("Zocket cannot encode", false);

        final String cannot;
        final boolean readByClients;

        Use(String cannot, boolean readByClients) {
            this.cannot = cannot;
            this.readByClients = readByClients;
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

    /** Scalars whose {@code toString()} is the JSON object key Jackson writes for them. */
    private static final Set<String> MAP_KEYS =
            Set.of("java.lang.String", "java.util.UUID", "java.lang.Integer", "java.lang.Long");

    private static final Set<String> PRIMITIVE_OPTIONALS =
            Set.of("java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    private static final Set<String> SETS = Set.of("java.util.Set", "java.util.SortedSet", "java.util.NavigableSet");

    private static final Set<String> MAPS = Set.of("java.util.Map", "java.util.SortedMap", "java.util.NavigableMap");

    private static final String JSON_NODE = "tools.jackson.databind.JsonNode";

    /** The value users write in {@code @SuppressWarnings} to silence {@link Message#LOSSY_NUMBER}. */
    static final String PRECISION_WARNING = "zocket:precision";

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;
    private final boolean finalRound;
    private final JsonAnnotationCheck jsonAnnotations;
    private final Map<Use, Map<String, ValueType>> named = new HashMap<>();
    private final Set<Element> warned = new HashSet<>();

    TypeResolver(Elements elements, Types types, Reporter reporter, boolean finalRound) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.finalRound = finalRound;
        this.jsonAnnotations = new JsonAnnotationCheck(elements, reporter);
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
            ValueType resolved = resolveOrThrow(type, use, subject, where);
            if (use.readByClients) {
                warnAboutLossyNumbers(resolved, subject, where);
            }
            return resolved;
        } catch (AlreadyReported reported) {
            return null;
        } catch (Unsupported unsupported) {
            reporter.error(where, Message.UNSUPPORTED_TYPE, subject, simpleName(type), use.cannot,
                    unsupported.getMessage());
            return null;
        }
    }

    /** The records resolved so far for {@code use}, in the order they were first seen. */
    List<RecordType> recordsSeen(Use use) {
        List<RecordType> records = new ArrayList<>();
        for (ValueType type : named.getOrDefault(use, Map.of()).values()) {
            if (type instanceof RecordType record) {
                records.add(record);
            }
        }
        return records;
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
                reporter.error(where, Message.UNRESOLVED_TYPE, subject, simpleName(type));
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
        if (SETS.contains(name)) {
            ValueType elementType = resolveOrThrow(onlyArgument(type, element.getSimpleName() + "<E>"), use, subject,
                    where);
            if (use == Use.STATE && !(elementType instanceof ValueType.Scalar)
                    && !(elementType instanceof ValueType.EnumValue)) {
                throw new Unsupported(Message.TYPE_SET_IN_STATE, simpleName(arguments.get(0)));
            }
            return new ValueType.SetOf(elementType, ClassName.get(element));
        }
        if (MAPS.contains(name)) {
            if (arguments.size() != 2) {
                throw new Unsupported(Message.TYPE_RAW_MAP);
            }
            ValueType key = resolveMapKey(arguments.get(0), use, subject, where);
            return new ValueType.MapOf(key, resolveOrThrow(arguments.get(1), use, subject, where), ClassName.get(element));
        }
        switch (name) {
            case "java.util.List":
                return new ValueType.ListOf(resolveOrThrow(onlyArgument(type, "List<E>"), use, subject, where));
            case "java.util.Optional": {
                ValueType inner = resolveOrThrow(onlyArgument(type, "Optional<T>"), use, subject, where);
                if (inner instanceof ValueType.OptionalOf) {
                    throw new Unsupported(Message.TYPE_NESTED_OPTIONAL, "an Optional");
                }
                if (inner instanceof ValueType.JsonTree) {
                    throw new Unsupported(Message.TYPE_NESTED_OPTIONAL, "a JsonNode (whose JSON may be null)");
                }
                return new ValueType.OptionalOf(inner);
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
            return enumValue(element);
        }
        if (element.getKind() == ElementKind.RECORD) {
            if (!element.getTypeParameters().isEmpty()) {
                throw new Unsupported(Message.TYPE_GENERIC_RECORD);
            }
            return resolveRecord(element, use);
        }
        if (element.getModifiers().contains(Modifier.SEALED)) {
            if (element.getKind() != ElementKind.INTERFACE) {
                throw new Unsupported(Message.TYPE_SEALED_NOT_INTERFACE);
            }
            if (!element.getTypeParameters().isEmpty()) {
                throw new Unsupported(Message.TYPE_GENERIC_RECORD);
            }
            return resolveSealed(element, use);
        }
        throw new Unsupported(Message.TYPE_UNKNOWN_SHAPE);
    }

    /** A String, UUID, Integer or Long key, or an enum key whose JSON names Zocket can follow. */
    private ValueType resolveMapKey(TypeMirror key, Use use, String subject, Element where) throws Unsupported {
        if (key.getKind() == TypeKind.ERROR) {
            return resolveOrThrow(key, use, subject, where);
        }
        if (key.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
            if (MAP_KEYS.contains(element.getQualifiedName().toString())) {
                return new ValueType.Scalar(ClassName.get(element));
            }
            if (element.getKind() == ElementKind.ENUM) {
                String problem = jsonAnnotations.enumKeyProblem(element);
                if (problem != null && use == Use.STATE) {
                    throw new Unsupported(Message.TYPE_ENUM_MAP_KEY, problem);
                }
                return enumValue(element);
            }
        }
        throw new Unsupported(Message.TYPE_MAP_KEY);
    }

    private ValueType.EnumValue enumValue(TypeElement element) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Element member : element.getEnclosedElements()) {
            if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                String jsonName = jsonAnnotations.constantRename(member);
                if (jsonName != null) {
                    renamed.put(member.getSimpleName().toString(), jsonName);
                }
            }
        }
        return new ValueType.EnumValue(ClassName.get(element), renamed);
    }

    private RecordType resolveRecord(TypeElement element, Use use) {
        Map<String, ValueType> seen = named.computeIfAbsent(use, u -> new LinkedHashMap<>());
        String name = element.getQualifiedName().toString();
        ValueType existing = seen.get(name);
        if (existing instanceof RecordType record) {
            return record;
        }
        RecordType record = new RecordType(element, isArrayShaped(element));
        seen.put(name, record);
        String recordName = displayName(element);
        if (use == Use.STATE) {
            jsonAnnotations.checkStateRecord(element, recordName, record.arrayShaped());
        }
        List<RecordType.Component> components = new ArrayList<>();
        for (RecordComponentElement component : element.getRecordComponents()) {
            String componentName = component.getSimpleName().toString();
            ValueType type = resolve(component.asType(), use, "Component " + componentName + " of " + recordName,
                    component);
            if (type != null) {
                components.add(new RecordType.Component(componentName, jsonAnnotations.jsonName(component), type));
            }
        }
        record.setComponents(components);
        checkNoClashWithSealedParents(record);
        return record;
    }

    /**
     * A variant written on its own still carries its interface's discriminator (see
     * {@code JsonCodec}), so its members must not clash with it even where the interface is not
     * used. Problems of the interface itself are reported where it is used.
     */
    private void checkNoClashWithSealedParents(RecordType record) {
        for (TypeMirror parentType : record.element().getInterfaces()) {
            Element parent = types.asElement(parentType);
            if (parent instanceof TypeElement sealed && sealed.getModifiers().contains(Modifier.SEALED)
                    && !named.values().stream().anyMatch(seen -> seen.get(sealed.getQualifiedName().toString())
                            instanceof SealedType)) {
                AnnotationMirror typeInfo = jsonAnnotations.find(sealed, "JsonTypeInfo");
                String property = typeInfo == null ? SealedType.DEFAULT_DISCRIMINATOR
                        : Annotations.value(elements, typeInfo, "property").getValue().toString();
                if (!property.isEmpty()) {
                    checkNoClash(record, property, displayName(sealed));
                }
            }
        }
    }

    /**
     * A sealed interface of records, its discriminator read from {@code @JsonTypeInfo} or
     * defaulted, and each variant resolved as a record.
     */
    private SealedType resolveSealed(TypeElement element, Use use) throws Unsupported {
        Map<String, ValueType> seen = named.computeIfAbsent(use, u -> new LinkedHashMap<>());
        String name = element.getQualifiedName().toString();
        ValueType existing = seen.get(name);
        if (existing instanceof SealedType sealed) {
            return sealed;
        }
        String sealedName = displayName(element);
        Optional<String> discriminator = discriminatorOf(element, sealedName, use);
        SealedType sealed = new SealedType(element, discriminator);
        seen.put(name, sealed);
        if (use == Use.STATE) {
            jsonAnnotations.checkSealedInterface(element, sealedName);
        }
        List<RecordType> variants = new ArrayList<>();
        for (TypeMirror permitted : element.getPermittedSubclasses()) {
            TypeElement variant = (TypeElement) types.asElement(permitted);
            if (permitted.getKind() == TypeKind.ERROR && !finalRound) {
                throw new Deferred();
            }
            if (variant == null || variant.getKind() != ElementKind.RECORD || !variant.getTypeParameters().isEmpty()) {
                reporter.error(element, Message.SEALED_VARIANT_NOT_RECORD, sealedName, simpleName(permitted),
                        variant == null ? "type that could not be resolved" : kindName(variant));
                throw new AlreadyReported();
            }
            RecordType record = resolveRecord(variant, use);
            discriminator.ifPresent(property -> checkNoClash(record, property, sealedName));
            variants.add(record);
        }
        checkSubTypesListAll(element, sealedName, variants);
        sealed.setVariants(variants);
        return sealed;
    }

    /**
     * With {@code @JsonSubTypes}, Jackson reads only the variants listed there; one left out is
     * written but cannot be read back, by clients or by the server.
     */
    private void checkSubTypesListAll(TypeElement sealed, String sealedName, List<RecordType> variants) {
        AnnotationMirror subTypes = jsonAnnotations.find(sealed, "JsonSubTypes");
        if (subTypes == null) {
            return;
        }
        Set<String> listed = new HashSet<>();
        Object value = Annotations.value(elements, subTypes, "value").getValue();
        if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                AnnotationMirror type = (AnnotationMirror) ((AnnotationValue) entry).getValue();
                Object listedClass = Annotations.value(elements, type, "value").getValue();
                if (listedClass instanceof TypeMirror mirror && types.asElement(mirror) instanceof TypeElement listedType) {
                    listed.add(listedType.getQualifiedName().toString());
                }
            }
        }
        for (RecordType variant : variants) {
            if (!listed.contains(variant.element().getQualifiedName().toString())) {
                reporter.error(sealed, Message.SEALED_SUBTYPE_MISSING, sealedName, displayName(variant.element()),
                        variant.element().getSimpleName());
            }
        }
    }

    /**
     * The property naming the variant: Zocket's default {@code "type"} without {@code @JsonTypeInfo};
     * with it, the property Jackson writes, or empty when Jackson writes none of its own.
     */
    private Optional<String> discriminatorOf(TypeElement sealed, String sealedName, Use where) throws Unsupported {
        AnnotationMirror typeInfo = jsonAnnotations.find(sealed, "JsonTypeInfo");
        if (typeInfo == null) {
            return Optional.of(SealedType.DEFAULT_DISCRIMINATOR);
        }
        String use = Annotations.value(elements, typeInfo, "use").getValue().toString();
        String include = Annotations.value(elements, typeInfo, "include").getValue().toString();
        String property = Annotations.value(elements, typeInfo, "property").getValue().toString();
        if (use.equals("NONE")) {
            reporter.error(sealed, Message.SEALED_TYPE_INFO, sealedName, "use = Id.NONE",
                    "writes no discriminator, so nobody can tell the variants apart");
            throw new AlreadyReported();
        }
        switch (include) {
            case "PROPERTY":
                break;
            case "EXISTING_PROPERTY":
                return Optional.empty();
            default:
                if (where != Use.STATE) {
                    return Optional.empty(); // only the differ needs the members inside the object
                }
                reporter.error(sealed, Message.SEALED_TYPE_INFO, sealedName, "include = As." + include,
                        "moves the variant's members or its discriminator out of the object the differ patches");
                throw new AlreadyReported();
        }
        if (use.equals("DEDUCTION")) {
            return Optional.empty();
        }
        if (!property.isEmpty()) {
            return Optional.of(property);
        }
        return Optional.of(switch (use) {
            case "CLASS" -> "@class";
            case "MINIMAL_CLASS" -> "@c";
            default -> "@type";
        });
    }

    private void checkNoClash(RecordType variant, String property, String sealedName) {
        for (RecordComponentElement element : variant.element().getRecordComponents()) {
            for (RecordType.Component component : variant.components()) {
                if (component.name().contentEquals(element.getSimpleName()) && component.jsonName().equals(property)) {
                    reporter.error(element, Message.SEALED_DISCRIMINATOR_CLASH, component.name(),
                            displayName(variant.element()), property, sealedName);
                }
            }
        }
    }

    /**
     * Warns where a client reads a number JavaScript cannot hold exactly: {@code long} and
     * {@code BigInteger} beyond 2^53, {@code BigDecimal} beyond a double's digits. Components
     * named like epoch times ({@code sentAt}, {@code expiresMillis}) are exempt: they stay far
     * below 2^53 for the next 285,000 years.
     */
    private void warnAboutLossyNumbers(ValueType type, String subject, Element where) {
        String lossy = lossyNumberIn(type);
        if (lossy == null || isEpochTime(where) || isSuppressed(where) || !warned.add(where)) {
            return;
        }
        String values = lossy.contains("BigDecimal") ? "values with more than 15 significant digits"
                : "integers beyond 2^53";
        reporter.warning(where, Message.LOSSY_NUMBER, subject, lossy, values, PRECISION_WARNING);
    }

    /** How {@code type} holds a lossy number ({@code "a long"}, {@code "a List of Long"}), or {@code null}. */
    private static String lossyNumberIn(ValueType type) {
        if (type instanceof ValueType.Scalar scalar) {
            TypeName name = scalar.typeName();
            if (name.equals(TypeName.LONG)) {
                return "a long";
            }
            if (name instanceof ClassName className && List.of("java.lang.Long", "java.math.BigInteger",
                    "java.math.BigDecimal").contains(className.canonicalName())) {
                return "a " + className.simpleName();
            }
            return null;
        }
        if (type instanceof ValueType.PrimitiveArray array && array.component().equals(TypeName.LONG)) {
            return "a long[]";
        }
        ValueType element = null;
        String container = null;
        if (type instanceof ValueType.ListOf list) {
            element = list.element();
            container = "List";
        } else if (type instanceof ValueType.SetOf set) {
            element = set.element();
            container = "Set";
        } else if (type instanceof ValueType.MapOf map) {
            element = map.value();
            container = "Map";
        } else if (type instanceof ValueType.OptionalOf optional) {
            element = optional.element();
            container = "Optional";
        }
        String inner = element == null ? null : lossyNumberIn(element);
        return inner == null ? null : "a " + container + " of " + inner.substring(inner.indexOf(' ') + 1);
    }

    private static boolean isEpochTime(Element where) {
        if (where.getKind() != ElementKind.RECORD_COMPONENT) {
            return false;
        }
        String name = where.getSimpleName().toString();
        return name.endsWith("At") || name.endsWith("Millis") || name.equals("millis") || name.endsWith("EpochSecond");
    }

    /**
     * {@code @SuppressWarnings("zocket:precision")} on the element or anything enclosing it. On a
     * record component javac keeps the annotation on the accessor, not on the component.
     */
    private static boolean isSuppressed(Element where) {
        if (where.getKind() == ElementKind.RECORD_COMPONENT
                && suppresses(((RecordComponentElement) where).getAccessor())) {
            return true;
        }
        for (Element e = where; e != null; e = e.getEnclosingElement()) {
            if (suppresses(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean suppresses(Element element) {
        SuppressWarnings suppressed = element.getAnnotation(SuppressWarnings.class);
        return suppressed != null && List.of(suppressed.value()).contains(PRECISION_WARNING);
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

    private boolean isJsonNode(DeclaredType type) {
        TypeElement jsonNode = elements.getTypeElement(JSON_NODE);
        return jsonNode != null && types.isAssignable(types.erasure(type), types.erasure(jsonNode.asType()));
    }

    private static String kindName(TypeElement element) {
        return element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A type as users write it, by simple names: {@code Map<String, ChatRoom.Member>},
     * {@code String[]}, {@code int}. Type-use annotations are left out.
     */
    static String simpleName(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                String name = displayName((TypeElement) declared.asElement());
                if (declared.getTypeArguments().isEmpty()) {
                    return name;
                }
                StringBuilder out = new StringBuilder(name).append('<');
                for (int i = 0; i < declared.getTypeArguments().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(simpleName(declared.getTypeArguments().get(i)));
                }
                return out.append('>').toString();
            }
            case ARRAY:
                return simpleName(((ArrayType) type).getComponentType()) + "[]";
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + simpleName(wildcard.getExtendsBound());
                }
                return wildcard.getSuperBound() != null ? "? super " + simpleName(wildcard.getSuperBound()) : "?";
            }
            case ERROR: {
                String written = type.toString();
                return written.substring(written.lastIndexOf('.') + 1);
            }
            default: {
                String written = type.toString();
                return written.substring(written.lastIndexOf(' ') + 1);
            }
        }
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
