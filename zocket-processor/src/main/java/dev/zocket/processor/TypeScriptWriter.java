package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Renders the TypeScript declarations of one actor contract: each record an interface,
 * each enum a union of its JSON names, each sealed interface a union of its variants told apart by
 * their discriminator, and per actor a {@code <Contract>Methods}, {@code <Contract>Events} and
 * {@code <Contract>Actor} interface that a typed client maps over. Names follow the generated
 * Java names: {@code ChatRoom.Message} is {@code ChatRoomMessage}.
 *
 * <p>The types describe exactly what {@code JsonCodec} writes, member names after
 * {@code @JsonProperty}; a shape the writer cannot know at compile time (an enum with its own
 * {@code toString()}, a wrapper-style {@code @JsonTypeInfo}) becomes the wider type
 * ({@code string}, {@code unknown}) rather than a wrong narrow one.
 */
final class TypeScriptWriter {

    /** Declared once per file when some type holds a Jackson tree. */
    static final String JSON_VALUE = "JsonValue";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private static final Set<String> STRING_SCALARS = Set.of("java.lang.String", "java.lang.Character", "char",
            "java.util.UUID", "java.time.Instant", "java.time.LocalDate", "java.time.LocalTime",
            "java.time.LocalDateTime", "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.Duration");

    private final Elements elements;
    private final ActorModel actor;
    private final Map<String, ValueType> declared = new LinkedHashMap<>(); // TypeScript name -> type
    private final List<TypeScriptActor.Clash> clashes = new ArrayList<>();
    private boolean usesJsonValue;

    TypeScriptWriter(Elements elements, ActorModel actor) {
        this.elements = elements;
        this.actor = actor;
    }

    /**
     * Renders the actor's declarations. Runs in the round that read the contract: javac forgets
     * the Javadoc of elements from earlier rounds.
     */
    TypeScriptActor write() {
        collect(actor.state());
        for (ActorModel.MethodModel method : actor.methods()) {
            method.input().ifPresent(input -> collect(input.type()));
            method.result().ifPresent(this::collect);
        }
        actor.events().ifPresent(events -> events.events().forEach(event -> collect(event.payload().type())));
        Map<String, TypeScriptActor.Named> types = new LinkedHashMap<>();
        declared.forEach((name, type) -> types.put(name,
                new TypeScriptActor.Named(type.typeName().toString(), declaration(type))));
        String members = methods(actor) + "\n" + events(actor) + "\n" + actorInterface(actor);
        return new TypeScriptActor(actor.name(), actor.contractName().canonicalName(), actorTypeName(actor), types,
                usesJsonValue, members, clashes);
    }

    static String actorTypeName(ActorModel actor) {
        return flat(actor.contractName()) + "Actor";
    }

    // ---- collecting the named types ------------------------------------------------------------

    private void collect(ValueType type) {
        if (type instanceof RecordType record) {
            if (declare(record.typeName(), record)) {
                for (RecordType.Component component : record.components()) {
                    collect(component.type());
                }
            }
        } else if (type instanceof SealedType sealed) {
            if (declare(sealed.typeName(), sealed)) {
                sealed.variants().forEach(this::collect);
            }
        } else if (type instanceof ValueType.EnumValue enumValue) {
            declare(enumValue.typeName(), enumValue);
        } else if (type instanceof ValueType.ListOf list) {
            collect(list.element());
        } else if (type instanceof ValueType.SetOf set) {
            collect(set.element());
        } else if (type instanceof ValueType.MapOf map) {
            collect(map.key());
            collect(map.value());
        } else if (type instanceof ValueType.OptionalOf optional) {
            collect(optional.element());
        } else if (type instanceof ValueType.JsonTree) {
            usesJsonValue = true;
        }
    }

    /** Whether {@code type} is new to this file; records a clash when another type has its name. */
    private boolean declare(ClassName javaName, ValueType type) {
        String name = flat(javaName);
        ValueType existing = declared.get(name);
        if (existing == null) {
            declared.put(name, type);
            return true;
        }
        if (!existing.equals(type)) {
            clashes.add(new TypeScriptActor.Clash(name, existing.typeName().toString(), javaName.canonicalName()));
        }
        return false;
    }

    // ---- declarations --------------------------------------------------------------------------

    private String declaration(ValueType type) {
        if (type instanceof RecordType record) {
            return record(record);
        }
        if (type instanceof SealedType sealed) {
            return sealed(sealed);
        }
        return enumeration((ValueType.EnumValue) type);
    }

    private String record(RecordType record) {
        TsDoc doc = TsDoc.parse(elements.getDocComment(record.element()));
        String name = flat(record.typeName());
        StringBuilder out = new StringBuilder(doc.render(""));
        if (record.arrayShaped()) {
            List<String> members = new ArrayList<>();
            for (RecordType.Component component : record.components()) {
                members.add(component.name() + ": " + memberType(record, component));
            }
            return out.append("export type ").append(name).append(" = [").append(String.join(", ", members))
                    .append("];\n").toString();
        }
        out.append("export interface ").append(name).append(" {\n");
        for (Discriminator discriminator : discriminators(record)) {
            out.append(TsDoc.single("  ", "Names the variant: always `" + discriminator.literal() + "`."));
            out.append("  ").append(property(discriminator.property())).append(": ")
                    .append(literal(discriminator.literal())).append(";\n");
        }
        for (RecordType.Component component : record.components()) {
            out.append(TsDoc.single("  ", doc.param(component.name())));
            out.append("  ").append(property(component.jsonName())).append(": ")
                    .append(memberType(record, component)).append(";\n");
        }
        return out.append("}\n").toString();
    }

    private String sealed(SealedType sealed) {
        TsDoc doc = TsDoc.parse(elements.getDocComment(sealed.element()));
        StringBuilder out = new StringBuilder(doc.render(""));
        out.append("export type ").append(flat(sealed.typeName())).append(" = ");
        if (wrapperStyle(sealed.element())) {
            return out.append("unknown; // its @JsonTypeInfo wraps the variant, a shape not declared here\n").toString();
        }
        List<String> variants = sealed.variants().stream().map(v -> flat(v.typeName())).toList();
        return out.append(variants.isEmpty() ? "never" : String.join(" | ", variants)).append(";\n").toString();
    }

    private String enumeration(ValueType.EnumValue enumValue) {
        TypeElement element = elements.getTypeElement(enumValue.typeName().canonicalName());
        TsDoc doc = TsDoc.parse(elements.getDocComment(element));
        StringBuilder out = new StringBuilder(doc.render(""));
        out.append("export type ").append(flat(enumValue.typeName())).append(" = ");
        if (writesItsOwnName(element)) {
            return out.append("string; // its toString() or @JsonValue decides the JSON name\n").toString();
        }
        List<String> names = new ArrayList<>();
        for (Element member : element.getEnclosedElements()) {
            if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                String constant = member.getSimpleName().toString();
                names.add(literal(enumValue.renamedConstants().getOrDefault(constant, constant)));
            }
        }
        return out.append(names.isEmpty() ? "never" : String.join(" | ", names)).append(";\n").toString();
    }

    private String methods(ActorModel actor) {
        StringBuilder out = new StringBuilder();
        out.append("/** The methods of actor `").append(actor.name())
                .append("`: the input a call sends and the result it answers with. */\n");
        out.append("export interface ").append(flat(actor.contractName())).append("Methods {\n");
        for (ActorModel.MethodModel method : actor.methods()) {
            ExecutableElement element = methodElement(actor, method.name());
            TsDoc doc = TsDoc.parse(element == null ? null : elements.getDocComment(element));
            out.append(doc.renderWithParams("  "));
            out.append("  ").append(method.name()).append('(');
            method.input().ifPresent(input -> out.append(input.name()).append(": ").append(type(input.type())));
            out.append("): ").append(method.result().map(this::type).orElse("void")).append(";\n");
        }
        return out.append("}\n").toString();
    }

    private String events(ActorModel actor) {
        StringBuilder out = new StringBuilder();
        out.append("/** The events of actor `").append(actor.name()).append("` by name, with their payloads. */\n");
        out.append("export interface ").append(flat(actor.contractName())).append("Events {");
        List<ActorModel.EventModel> events = actor.events().map(ActorModel.EventsModel::events).orElse(List.of());
        if (events.isEmpty()) {
            return out.append("}\n").toString();
        }
        out.append('\n');
        for (ActorModel.EventModel event : events) {
            out.append(TsDoc.parse(elements.getDocComment(event.element())).render("  "));
            out.append("  ").append(property(event.name())).append(": ").append(type(event.payload().type()))
                    .append(";\n");
        }
        return out.append("}\n").toString();
    }

    private String actorInterface(ActorModel actor) {
        String contract = flat(actor.contractName());
        StringBuilder out = new StringBuilder();
        TsDoc doc = TsDoc.parse(elements.getDocComment(actor.contract()));
        out.append(doc.isEmpty() ? "/** Actor `" + actor.name() + "`. */\n" : doc.render(""));
        out.append("export interface ").append(actorTypeName(actor)).append(" {\n");
        out.append("  /** The actor's name on the wire. */\n");
        out.append("  name: ").append(literal(actor.name())).append(";\n");
        String stateDoc = actor.view()
                .map(view -> "The state a subscriber receives: the server's state as `" + view.view().getSimpleName()
                        + "` shows it to the subscriber's audience.")
                .orElse("The state a subscriber receives.");
        out.append(TsDoc.single("  ", stateDoc));
        out.append("  state: ").append(type(actor.state())).append(";\n");
        out.append("  methods: ").append(contract).append("Methods;\n");
        out.append("  events: ").append(contract).append("Events;\n");
        return out.append("}\n").toString();
    }

    // ---- type expressions ----------------------------------------------------------------------

    private String memberType(RecordType record, RecordType.Component component) {
        String type = type(component.type());
        // A box in a record is how Java says a number or flag may be absent; Jackson writes null.
        boolean boxed = component.type() instanceof ValueType.Scalar scalar && scalar.typeName().isBoxedPrimitive();
        if (!(component.type() instanceof ValueType.OptionalOf) && (boxed || isNullable(record, component.name()))) {
            return type + " | null";
        }
        return type;
    }

    private String type(ValueType type) {
        if (type instanceof ValueType.Scalar scalar) {
            return scalar(scalar.typeName());
        }
        if (type instanceof ValueType.ListOf list) {
            return arrayOf(type(list.element()));
        }
        if (type instanceof ValueType.SetOf set) {
            return arrayOf(type(set.element()));
        }
        if (type instanceof ValueType.MapOf map) {
            return map.key() instanceof ValueType.EnumValue key
                    ? "Partial<Record<" + flat(key.typeName()) + ", " + type(map.value()) + ">>"
                    : "{ [key: string]: " + type(map.value()) + " }";
        }
        if (type instanceof ValueType.OptionalOf optional) {
            return type(optional.element()) + " | null";
        }
        if (type instanceof ValueType.PrimitiveArray array) {
            return primitiveArray(array.component());
        }
        if (type instanceof ValueType.JsonTree) {
            return JSON_VALUE;
        }
        return flat((ClassName) type.typeName()); // a record, sealed interface or enum, declared by name
    }

    private static String scalar(TypeName type) {
        String name = type.toString();
        if (name.equals("boolean") || name.equals("java.lang.Boolean")) {
            return "boolean";
        }
        return STRING_SCALARS.contains(name) ? "string" : "number";
    }

    /** Jackson writes {@code byte[]} as Base64 and {@code char[]} as a string. */
    private static String primitiveArray(TypeName component) {
        if (component.equals(TypeName.BYTE) || component.equals(TypeName.CHAR)) {
            return "string";
        }
        return component.equals(TypeName.BOOLEAN) ? "boolean[]" : "number[]";
    }

    private static String arrayOf(String element) {
        return IDENTIFIER.matcher(element).matches() ? element + "[]" : "Array<" + element + ">";
    }

    // ---- what the JSON annotations say ---------------------------------------------------------

    /** A component whose declaration or type carries an annotation named {@code Nullable}, of any package. */
    private static boolean isNullable(RecordType record, String componentName) {
        for (RecordComponentElement component : record.element().getRecordComponents()) {
            if (component.getSimpleName().contentEquals(componentName)) {
                return hasNullable(component.getAnnotationMirrors())
                        || hasNullable(component.asType().getAnnotationMirrors())
                        || hasNullable(component.getAccessor().getAnnotationMirrors());
            }
        }
        return false;
    }

    private static boolean hasNullable(List<? extends AnnotationMirror> annotations) {
        return annotations.stream().anyMatch(a -> Annotations.typeOf(a).getSimpleName().contentEquals("Nullable"));
    }

    /** The property and value naming {@code record} as a variant of a sealed interface it implements. */
    record Discriminator(String property, String literal) {}

    private List<Discriminator> discriminators(RecordType record) {
        List<Discriminator> found = new ArrayList<>();
        for (TypeMirror parentType : record.element().getInterfaces()) {
            Element parent = elements.getTypeElement(parentType.toString().replaceAll("<.*", ""));
            if (parent instanceof TypeElement sealed && sealed.getModifiers().contains(javax.lang.model.element.Modifier.SEALED)) {
                discriminator(sealed, record.element()).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * What Jackson writes for {@code variant} under {@code sealed}: Zocket's {@code "type"} with
     * the simple name by default; with {@code @JsonTypeInfo}, the property it names and the id its
     * {@code use} gives, for the kinds of id that are known at compile time.
     */
    private Optional<Discriminator> discriminator(TypeElement sealed, TypeElement variant) {
        AnnotationMirror typeInfo = jackson(sealed, "JsonTypeInfo");
        Optional<String> renamed = typeName(sealed, variant);
        if (typeInfo == null) {
            return Optional.of(new Discriminator(SealedType.DEFAULT_DISCRIMINATOR,
                    renamed.orElse(variant.getSimpleName().toString())));
        }
        String use = Annotations.value(elements, typeInfo, "use").getValue().toString();
        String include = Annotations.value(elements, typeInfo, "include").getValue().toString();
        String property = Annotations.value(elements, typeInfo, "property").getValue().toString();
        if (!include.equals("PROPERTY")) {
            return Optional.empty();
        }
        String binaryName = elements.getBinaryName(variant).toString();
        Optional<String> id = switch (use) {
            case "NAME" -> Optional.of(renamed.orElse(binaryName.substring(binaryName.lastIndexOf('.') + 1)));
            case "SIMPLE_NAME" -> Optional.of(renamed.orElse(variant.getSimpleName().toString()));
            case "CLASS" -> Optional.of(binaryName);
            default -> Optional.empty();
        };
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name = !property.isEmpty() ? property : use.equals("CLASS") ? "@class" : "@type";
        return Optional.of(new Discriminator(name, id.get()));
    }

    /** The variant's {@code @JsonTypeName}, else its name in the interface's {@code @JsonSubTypes}. */
    private Optional<String> typeName(TypeElement sealed, TypeElement variant) {
        AnnotationMirror typeName = jackson(variant, "JsonTypeName");
        if (typeName != null) {
            String value = Annotations.value(elements, typeName, "value").getValue().toString();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        AnnotationMirror subTypes = jackson(sealed, "JsonSubTypes");
        if (subTypes != null && Annotations.value(elements, subTypes, "value").getValue() instanceof List<?> entries) {
            for (Object entry : entries) {
                AnnotationMirror type = (AnnotationMirror) ((AnnotationValue) entry).getValue();
                Object listed = Annotations.value(elements, type, "value").getValue();
                String name = Annotations.value(elements, type, "name").getValue().toString();
                if (listed instanceof TypeMirror mirror && mirror.toString().equals(variant.getQualifiedName().toString())
                        && !name.isEmpty()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private boolean wrapperStyle(TypeElement sealed) {
        AnnotationMirror typeInfo = jackson(sealed, "JsonTypeInfo");
        return typeInfo != null && Annotations.value(elements, typeInfo, "include").getValue().toString()
                .matches("WRAPPER_OBJECT|WRAPPER_ARRAY|EXTERNAL_PROPERTY");
    }

    /** Whether an enum's JSON names come from code ({@code toString()}, {@code @JsonValue}) or a format. */
    private boolean writesItsOwnName(TypeElement enumType) {
        if (jackson(enumType, "JsonFormat") != null) {
            return true;
        }
        for (Element member : enumType.getEnclosedElements()) {
            if (member instanceof ExecutableElement method && (jackson(method, "JsonValue") != null
                    || method.getSimpleName().contentEquals("toString") && method.getParameters().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static AnnotationMirror jackson(Element element, String simpleName) {
        return Annotations.find(element, "com.fasterxml.jackson.annotation." + simpleName).orElse(null);
    }

    private static ExecutableElement methodElement(ActorModel actor, String name) {
        for (Element member : actor.contract().getEnclosedElements()) {
            if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)
                    && member.getKind() == ElementKind.METHOD) {
                return method;
            }
        }
        return null;
    }

    // ---- lexical -------------------------------------------------------------------------------

    static String flat(ClassName name) {
        return String.join("", name.simpleNames());
    }

    static String property(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : literal(name);
    }

    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
