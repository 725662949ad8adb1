package dev.zocket.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with its kind and stable wording: the subject, the
 * rule, and how to fix it. Arguments are filled with {@link String#format}; types are printed by
 * their simple names ({@code Map<String, ChatRoom.Member>}).
 *
 * <p>Errors stop code generation for the contract. Warnings mark code that works but is risky
 * for some clients; each says how to silence it once the risk is understood.
 */
enum Message {
    ACTOR_NOT_INTERFACE(
            "@Actor must annotate an interface, but %s is a %s. Declare the contract as an interface and"
                    + " implement it in a class on the server."),
    ACTOR_NOT_PUBLIC(
            "Actor contract %s must be public, and so must every type enclosing it, because generated code"
                    + " and clients in other packages use it. Add the public modifier."),
    ACTOR_GENERIC(
            "Actor contract %s must not declare type parameters: the wire protocol cannot carry them."
                    + " Use concrete record types."),
    ACTOR_NAME_INVALID(
            "Actor name \"%s\" is not valid. Use letters, digits, '_', '-' or '.', starting with a letter,"
                    + " like \"chat\" or \"gameMatch\"."),
    ACTOR_NAME_DUPLICATE(
            "Actor name \"%s\" is already used by %s. Each actor needs its own name."),
    STATE_MISSING(
            "Actor %s has no state. Declare a nested record named State (it may be empty: record State() {}),"
                    + " or name the state record with @Actor(state = ...)."),
    STATE_NOT_RECORD(
            "The state of actor %s must be a record, but %s is a %s. Declare it as a record."),
    METHOD_TOO_MANY_PARAMETERS(
            "Method %s has %d parameters, but an actor method takes at most one: a record."
                    + " Put the values in a record, e.g. record %s(...), and take that."),
    METHOD_PARAMETER_NOT_RECORD(
            "Parameter %s of method %s has type %s, but an actor method's input must be a record (or a sealed"
                    + " interface of records), so that it travels as a JSON object. Wrap it, e.g. record %s(%s %s)."),
    METHOD_GENERIC(
            "Method %s must not declare type parameters: the wire protocol cannot carry them."),
    METHOD_HAS_BODY(
            "Method %s is a default method, but actor methods are implemented on the server."
                    + " Remove the body, or move the logic to the implementation class."),
    METHOD_DUPLICATE_NAME(
            "Method name %s is declared more than once. RPC methods are called by name, so overloading is not"
                    + " possible. Rename one of them."),
    METHOD_NAME_RESERVED(
            "Method name %s collides with %s on the generated handle. Rename the method."),
    METHOD_RESULT_RAW(
            "Method %s returns a raw %s. Give its result type, e.g. CompletionStage<Void> for no result."),
    UNSUPPORTED_TYPE(
            "%s has type %s, which %s: %s"),

    // The reasons that complete UNSUPPORTED_TYPE: why the type has no JSON shape Zocket can use.
    TYPE_OBJECT_ARRAY(
            "arrays of objects have no element type Zocket can follow. Use List<%s> instead."),
    TYPE_VARIABLE(
            "type variables and wildcards have no JSON shape. Use a concrete type."),
    TYPE_WITHOUT_JSON(
            "it has no JSON representation."),
    TYPE_SET_IN_STATE(
            "in state a Set may only hold scalars or enums, whose JSON array the differ keeps in the set's"
                    + " order. Use List<%s>, or a Map keyed by the element's id."),
    TYPE_RAW_MAP(
            "a raw Map has no known key and value types. Write Map<String, V>."),
    TYPE_MAP_KEY(
            "JSON object keys are strings, and Zocket writes only String, enum, UUID, Integer and Long keys as"
                    + " strings it can follow. Use one of those as the key."),
    TYPE_ENUM_MAP_KEY(
            "the enum's JSON names are changed by %s, which Zocket cannot follow for map keys. Remove it"
                    + " (renaming constants with @JsonProperty is supported), or key the map by String."),
    TYPE_NESTED_OPTIONAL(
            "an Optional of %s encodes both kinds of empty as null, so clients cannot tell them apart. Use a"
                    + " single Optional, or a record or enum that names each case."),
    TYPE_SEALED_NOT_INTERFACE(
            "a sealed class has no JSON shape Zocket knows. Make it a sealed interface whose variants are records."),
    TYPE_RAW_CONTAINER(
            "a raw %s has no known element type. Write %s."),
    TYPE_STAGE_OUTSIDE_RESULT(
            "a CompletionStage may only be the return type of an actor method."),
    TYPE_PRIMITIVE_OPTIONAL(
            "use Optional<Integer>, Optional<Long> or Optional<Double> instead."),
    TYPE_GENERIC_RECORD(
            "generic records are not supported. Declare a record for each use."),
    TYPE_UNKNOWN_SHAPE(
            "it is not a record, sealed interface of records, enum, List, Set, Map, Optional or scalar, so its JSON"
                    + " shape is unknown. Use a record."),

    UNRESOLVED_TYPE(
            "%s has type %s, which could not be resolved. Check the imports and that the type is on the class path."),
    STATE_JSON_ANNOTATION(
            "%s is annotated @%s, which %s, so the state differ's patches would not match the JSON clients"
                    + " hold. Remove the annotation: state JSON follows the record components (renames with"
                    + " @JsonProperty are followed)."),
    STATE_JSON_METHOD(
            "Method %s of %s %s, so Jackson writes it as a member of the state JSON that the state differ never"
                    + " patches. Annotate it @JsonIgnore, or rename it so that it is not a getter."),
    SEALED_VARIANT_NOT_RECORD(
            "Sealed interface %s permits %s, which is a %s. Every variant of a sealed interface Zocket encodes"
                    + " must be a record."),
    SEALED_TYPE_INFO(
            "@JsonTypeInfo on %s uses %s, which %s. Use include = As.PROPERTY (the default), or remove"
                    + " @JsonTypeInfo for Zocket's default: a \"type\" property holding the record's simple name."),
    SEALED_SUBTYPE_MISSING(
            "@JsonSubTypes on %s does not list %s, so Jackson writes that variant but cannot read it back. Add"
                    + " @JsonSubTypes.Type(%s.class), or remove @JsonSubTypes: Jackson finds the permitted records"
                    + " itself."),
    SEALED_DISCRIMINATOR_CLASH(
            "Component %s of %s is written as \"%s\", the discriminator property of %s, so the JSON would have"
                    + " two members of that name. Rename the component with @JsonProperty, or choose another"
                    + " property with @JsonTypeInfo(use = Id.NAME, property = \"...\")."),
    LOSSY_NUMBER(Diagnostic.Kind.WARNING,
            "%s is %s, which JavaScript clients read as a double: %s lose precision there without any error."
                    + " Keep values within +/-2^53 (9007199254740991), or send them as a String. If every client"
                    + " is Java, or the values stay small, silence this with @SuppressWarnings(\"%s\")."),
    EVENTS_MULTIPLE(
            "Actor %s declares more than one events interface (%s and %s). Declare all events in one:"
                    + " a nested interface named Events, or one annotated @Events."),
    EVENTS_NOT_INTERFACE(
            "@Events must annotate an interface, but %s is a %s."),
    EVENTS_NOT_NESTED(
            "@Events interface %s must be nested in an @Actor interface, whose events it declares."),
    EVENT_SIGNATURE(
            "Event method %s must return void and take exactly one parameter, a record: the payload."
                    + " For example: void %s(%s payload)."),
    EVENT_DUPLICATE_NAME(
            "Event name %s is declared more than once. Events are delivered by name; rename one of them."),
    EVENT_LISTENER_COLLISION(
            "Event %s generates the handle method %s, which collides with the actor method of the same name."
                    + " Rename the event or the method."),
    ACCESS_CONFLICT(
            "%s is annotated %s, which contradict each other. Keep one: @PermitAll (every caller), @DenyAll"
                    + " (nobody) or @RolesAllowed({\"role\", ...}) (callers holding one of the roles)."),
    ACCESS_ROLES_EMPTY(
            "@RolesAllowed on %s names no role, so nobody could pass it. Name the roles that may, e.g."
                    + " @RolesAllowed(\"admin\"), or write @DenyAll if nobody may."),
    ACCESS_ROLE_BLANK(
            "@RolesAllowed on %s names a blank role, which no caller can hold. Remove it or write the role's name."),
    ACCESS_MEANINGLESS(
            "@%s on %s has no effect: %s. Move it to the @Actor interface (for subscribing and every method)"
                    + " or to the method it should guard."),
    GENERATED_NAME_COLLISION(
            "Type %s already exists, but Zocket generates it for actor %s. Rename the existing type or the"
                    + " actor interface."),
    MISSING_VALID(
            "Component %s of %s holds %s, whose constraints Bean Validation only checks when the component is"
                    + " annotated @Valid, so they would be ignored. Add @Valid to the component (for a container,"
                    + " on the type argument: List<@Valid %s>)."),
    VIEW_NOT_PUBLIC_STATIC(
            "@%s method %s must be a public static method of the contract, so the server can call it without an"
                    + " instance. Declare it as `static` in the @Actor interface."),
    VIEW_DUPLICATE(
            "%s declares more than one @%s method (%s and %s). Declare one; branch inside it instead."),
    VIEW_INCOMPLETE(
            "%s declares @%s method %s but no @%s method. A view needs both: `@View.Audience static K audience(%s"
                    + " state, Viewer viewer)` and `@View static %s view(%s state, K audience)`."),
    VIEW_AUDIENCE_SIGNATURE(
            "@View.Audience method %s must have the signature `static K %s(%s state, Viewer viewer)`, where K is"
                    + " a type with value equality (a record, String, enum or primitive), not an array or void."),
    VIEW_SIGNATURE(
            "@View method %s must have the signature `static %s %s(%s state, %s audience)`: it returns the state"
                    + " record, with what the audience must not see emptied, and takes the audience key returned"
                    + " by @View.Audience method %s."),
    SOURCE_FILE_FAILURE(
            "Zocket could not write the generated source %s: %s. Check that no other processor or source"
                    + " file creates a type of that name, and that the generated sources directory is writable."),
    SERVICE_FILE_FAILURE(
            "Zocket could not write %s, so hosts will not find the generated bindings through ServiceLoader: %s."
                    + " Check that the class output directory is writable."),
    TYPESCRIPT_OPTION(
            "Processor option -A%s=%s is not valid: use %s."),
    TYPESCRIPT_NAME_CLASH(
            "%s and %s would both be declared as %s in one TypeScript file. Rename one of them, or write one"
                    + " file per actor (-A%s=per-actor), or turn TypeScript off with -A%s=none."),
    TYPESCRIPT_FILE_FAILURE(
            "Zocket could not write the TypeScript declarations %s: %s. Check that the generated sources"
                    + " directory is writable."),
    PROCESSOR_FAILURE(
            "The Zocket processor failed on %s. This is a bug in Zocket; please report it with this trace:%n%s");

    private final Diagnostic.Kind kind;
    private final String template;

    Message(String template) {
        this(Diagnostic.Kind.ERROR, template);
    }

    Message(Diagnostic.Kind kind, String template) {
        this.kind = kind;
        this.template = template;
    }

    /** Whether this is an error or a warning. */
    Diagnostic.Kind kind() {
        return kind;
    }

    String format(Object... arguments) {
        return String.format(template, arguments);
    }
}
