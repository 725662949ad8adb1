package dev.zocket.processor;

/**
 * Every diagnostic the processor reports, with stable wording: the subject, the rule, and how
 * to fix it. Arguments are filled with {@link String#format}.
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
            "Parameter %s of method %s has type %s, but an actor method's input must be a record, so that it"
                    + " travels as a JSON object. Wrap it, e.g. record %s(%s %s)."),
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
            "a Set has no stable order for JSON Patch paths. Use List<E>, or Map<String, V>."),
    TYPE_RAW_MAP(
            "a raw Map has no known key and value types. Write Map<String, V>."),
    TYPE_MAP_KEY(
            "JSON object keys are strings. Use Map<String, V>."),
    TYPE_RAW_CONTAINER(
            "a raw %s has no known element type. Write %s."),
    TYPE_STAGE_OUTSIDE_RESULT(
            "a CompletionStage may only be the return type of an actor method."),
    TYPE_PRIMITIVE_OPTIONAL(
            "use Optional<Integer>, Optional<Long> or Optional<Double> instead."),
    TYPE_GENERIC_RECORD(
            "generic records are not supported. Declare a record for each use."),
    TYPE_UNKNOWN_SHAPE(
            "it is not a record, enum, List, Map, Optional or scalar, so its JSON shape is unknown. Use a record."),

    UNRESOLVED_TYPE(
            "%s has type %s, which could not be resolved. Check the imports and that the type is on the class path."),
    STATE_JSON_ANNOTATION(
            "Component %s of %s is annotated @%s, which changes its JSON in a way the state differ cannot"
                    + " follow. Remove the annotation (renaming with @JsonProperty is supported)."),
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
    GENERATED_NAME_COLLISION(
            "Type %s already exists, but Zocket generates it for actor %s. Rename the existing type or the"
                    + " actor interface."),
    MISSING_VALID(
            "Component %s of %s holds %s, whose constraints Bean Validation only checks when the component is"
                    + " annotated @Valid, so they would be ignored. Add @Valid to the component (for a container,"
                    + " on the type argument: List<@Valid %s>)."),
    SOURCE_FILE_FAILURE(
            "Zocket could not write the generated source %s: %s. Check that no other processor or source"
                    + " file creates a type of that name, and that the generated sources directory is writable."),
    SERVICE_FILE_FAILURE(
            "Zocket could not write %s, so hosts will not find the generated bindings through ServiceLoader: %s."
                    + " Check that the class output directory is writable."),
    PROCESSOR_FAILURE(
            "The Zocket processor failed on %s. This is a bug in Zocket; please report it with this trace:%n%s");

    private final String template;

    Message(String template) {
        this.template = template;
    }

    String format(Object... arguments) {
        return String.format(template, arguments);
    }
}
