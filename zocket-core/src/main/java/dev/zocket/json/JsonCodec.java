package dev.zocket.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.util.RawValue;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.type.MapType;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Converts between Java values (records, lists, maps, enums, scalars) and JSON, with the rules
 * every Zocket component shares.
 *
 * <p>Decoding is strict, because it is what validates untrusted input before Bean Validation
 * runs:
 * <ul>
 *   <li>no type coercion: {@code 5} is not a string, {@code "5"} is not a number, {@code 1.5}
 *       is not an integer, {@code 1} is not a boolean;</li>
 *   <li>primitive record components are required; a missing reference component decodes as
 *       {@code null} (or an empty {@code Optional}), so use {@code @NotNull} to require it;</li>
 *   <li>records declared {@code @JsonFormat(shape = ARRAY)} must have exactly one element per
 *       component ({@code [x, y]} for a two-component point);</li>
 *   <li>unknown object members are ignored, as the original Zocket does, so older servers
 *       accept newer clients;</li>
 *   <li>decoded lists, sets and maps are unmodifiable, so state built from input stays
 *       immutable; sorted sets and maps stay sorted, and other sets keep the order of their
 *       JSON array.</li>
 * </ul>
 *
 * <p>A sealed interface whose variants are records is written with a discriminator: Jackson's
 * {@code @JsonTypeInfo} when the interface declares one, otherwise a {@code "type"} property
 * holding the variant record's simple name ({@code {"type":"Circle","radius":2}}), also when a
 * variant is written on its own. See {@link SealedRecords}.
 *
 * <p>Failures are reported as a {@link DecodeException} with the path inside the value and a
 * short reason. Encoding includes {@code null} members, so a record always has every member.
 *
 * <p>Instances are immutable and thread-safe; share one.
 */
public final class JsonCodec {

    private static final JsonCodec STANDARD = builder().build();

    private final JsonMapper mapper;
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    private JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The codec with Zocket's rules and no extra modules. */
    public static JsonCodec standard() {
        return STANDARD;
    }

    /** A builder for a codec with extra Jackson modules (custom serializers, for instance). */
    public static Builder builder() {
        return new Builder();
    }

    /** The underlying mapper, for advanced use. Do not reconfigure it. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** The node factory used for trees built by this codec. */
    public JsonNodeFactory nodes() {
        return mapper.getNodeFactory();
    }

    /**
     * Decodes a JSON tree into {@code type}.
     *
     * @return the value, or {@code null} for a missing or JSON {@code null} node
     * @throws DecodeException saying where and why the JSON does not fit
     */
    public <T> T decode(JsonNode node, JsonType<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return readerFor(type).readValue(node);
        } catch (JacksonException e) {
            throw describe(e);
        }
    }

    /** Encodes a value as a tree. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /**
     * Wraps a value in a tree node that is serialized only when written. Lets large values
     * (records in a patch, say) be embedded in messages without building a tree first.
     */
    public JsonNode lazy(Object value) {
        return value == null ? nodes().nullNode() : nodes().pojoNode(value);
    }

    /**
     * Wraps JSON text already encoded, to be written as it is, unchecked: for a value encoded once
     * and embedded in several messages. {@code json} must be one valid JSON document.
     */
    public JsonNode raw(String json) {
        return nodes().pojoNode(new RawValue(Objects.requireNonNull(json, "json")));
    }

    /** Encodes a value as JSON text. */
    public String toJson(Object value) {
        return mapper.writeValueAsString(value);
    }

    /**
     * Parses JSON text into a tree.
     *
     * @throws DecodeException if the text is not JSON
     */
    public JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new DecodeException("", "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private ObjectReader readerFor(JsonType<?> type) {
        return readers.computeIfAbsent(type.type(),
                t -> mapper.readerFor(mapper.getTypeFactory().constructType(t)));
    }

    private DecodeException describe(JacksonException e) {
        String path = pathOf(e.getPath());
        return new DecodeException(path, reasonFor(e), e);
    }

    private static String pathOf(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private String reasonFor(JacksonException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof InputCoercionException coercion) {
            return "is out of range for " + describeType(coercion.getTargetType());
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + enumWireNames(target);
            }
            return "expected " + describeType(target) + " but was " + describeValue(invalid.getValue());
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (original.startsWith("Missing required creator property")) {
                return "is required";
            }
            if (original.startsWith("Cannot map `null`")) {
                return "must not be null";
            }
            if (original.startsWith(ArityCheckingDeserializer.MESSAGE_PREFIX)) {
                return original.substring(ArityCheckingDeserializer.MESSAGE_PREFIX.length());
            }
            return "expected " + describeType(mismatch.getTargetType());
        }
        return original.isEmpty() ? e.getClass().getSimpleName() : original;
    }

    private String enumWireNames(Class<?> enumType) {
        StringBuilder names = new StringBuilder("[");
        for (Object constant : enumType.getEnumConstants()) {
            if (names.length() > 1) {
                names.append(", ");
            }
            names.append(mapper.valueToTree(constant).asString());
        }
        return names.append(']').toString();
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class || type == char.class || type == Character.class || type.isEnum()
                || type == java.util.UUID.class) {
            return "a string";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getPackageName().startsWith("java.time")) {
            return "a date-time string";
        }
        return "an object";
    }

    private static String describeValue(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "a " + (value == null ? "null" : value.getClass().getSimpleName());
    }

    /** Builds a {@link JsonCodec}. */
    public static final class Builder {
        // Buffers recycled per thread: the default pool's concurrent deque cost more per message
        // than the parse it served (1.5% of the server's CPU per call).
        private final JsonMapper.Builder mapper = JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(JsonRecyclerPools.threadLocalPool())
                        .build())
                .annotationIntrospector(new ZocketIntrospector())
                .addModule(strictnessModule())
                .addModule(sealedRecordsModule())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));

        private Builder() {}

        /** Adds a Jackson module, for example serializers for a type Zocket does not know. */
        public Builder addModule(JacksonModule module) {
            mapper.addModule(Objects.requireNonNull(module, "module"));
            return this;
        }

        public JsonCodec build() {
            return new JsonCodec(mapper.build());
        }
    }

    /** Variants of sealed interfaces carry their discriminator wherever they are written. */
    private static SimpleModule sealedRecordsModule() {
        SimpleModule module = new SimpleModule("zocket-sealed-records");
        module.setSerializerModifier(new ValueSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier description,
                    ValueSerializer<?> serializer) {
                Class<?> parent = SealedRecords.sealedParent(description.getBeanClass());
                return parent == null ? serializer : new VariantSerializer(serializer, parent);
            }
        });
        return module;
    }

    private static SimpleModule strictnessModule() {
        SimpleModule module = new SimpleModule("zocket-strict-decoding");
        // A decoded Set keeps the order of its JSON array, so that encoding it again gives the same array.
        module.addAbstractTypeMapping(Set.class, LinkedHashSet.class);
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (FloatingPointFromNumbersOnly.READS.contains(type)) {
                    return new FloatingPointFromNumbersOnly(deserializer, type);
                }
                JsonFormat format = type.getAnnotation(JsonFormat.class);
                if (type.isRecord() && format != null && format.shape() == JsonFormat.Shape.ARRAY) {
                    return new ArityCheckingDeserializer(deserializer, type.getRecordComponents().length);
                }
                return deserializer;
            }

            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                    CollectionType type, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new UnmodifiableResult(deserializer);
            }

            @Override
            public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config,
                    MapType type, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new UnmodifiableResult(deserializer);
            }
        });
        return module;
    }

    /**
     * Makes primitive record components (and other primitive creator properties) required, and
     * gives sealed interfaces of records without {@code @JsonTypeInfo} Zocket's default
     * discriminator (see {@link SealedRecords}).
     */
    private static final class ZocketIntrospector extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonTypeInfo.Value findPolymorphicTypeInfo(MapperConfig<?> config, Annotated annotated) {
            JsonTypeInfo.Value declared = super.findPolymorphicTypeInfo(config, annotated);
            if (declared != null || !(annotated instanceof AnnotatedClass type)) {
                return declared;
            }
            Class<?> raw = type.getRawType();
            return SealedRecords.usesDefaultDiscriminator(raw) ? SealedRecords.DEFAULT_TYPE_INFO : null;
        }

        @Override
        public String findTypeName(MapperConfig<?> config, AnnotatedClass type) {
            String declared = super.findTypeName(config, type);
            if (declared != null) {
                return declared;
            }
            Class<?> raw = type.getRawType();
            return SealedRecords.isDefaultVariant(raw) ? raw.getSimpleName() : null;
        }

        @Override
        public Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
            Boolean declared = super.hasRequiredMarker(config, member);
            if (declared != null) {
                return declared;
            }
            return member.getRawType().isPrimitive() ? Boolean.TRUE : null;
        }
    }

    /** Wraps decoded collections and maps so that state built from input cannot be mutated. */
    private static final class UnmodifiableResult extends DelegatingDeserializer {
        UnmodifiableResult(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new UnmodifiableResult(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return unmodifiable(super.deserialize(parser, context));
        }

        /** Keeps the declared kind: a {@code SortedMap} component still gets a {@code SortedMap}. */
        private static Object unmodifiable(Object value) {
            if (value instanceof List<?> list) {
                return Collections.unmodifiableList(list);
            }
            if (value instanceof NavigableSet<?> set) {
                return Collections.unmodifiableNavigableSet(set);
            }
            if (value instanceof SortedSet<?> set) {
                return Collections.unmodifiableSortedSet(set);
            }
            if (value instanceof Set<?> set) {
                return Collections.unmodifiableSet(set);
            }
            if (value instanceof NavigableMap<?, ?> map) {
                return Collections.unmodifiableNavigableMap(map);
            }
            if (value instanceof SortedMap<?, ?> map) {
                return Collections.unmodifiableSortedMap(map);
            }
            if (value instanceof Map<?, ?> map) {
                return Collections.unmodifiableMap(map);
            }
            return value;
        }
    }

    /**
     * Reads floating-point numbers from JSON numbers only. Jackson takes the strings
     * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} as numbers even with scalar
     * coercion off, which would let a client put a value into state that JSON cannot carry.
     */
    private static final class FloatingPointFromNumbersOnly extends DelegatingDeserializer {
        static final Set<Class<?>> READS = Set.of(double.class, Double.class, float.class, Float.class);
        private final Class<?> type;

        FloatingPointFromNumbersOnly(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new FloatingPointFromNumbersOnly(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(type, parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /** Rejects array-shaped records whose JSON array has the wrong number of elements. */
    private static final class ArityCheckingDeserializer extends DelegatingDeserializer {
        static final String MESSAGE_PREFIX = "zocket-arity: ";
        private final int arity;

        ArityCheckingDeserializer(ValueDeserializer<?> delegate, int arity) {
            super(delegate);
            this.arity = arity;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ArityCheckingDeserializer(delegate, arity);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.isExpectedStartArrayToken()) {
                return super.deserialize(parser, context);
            }
            TokenBuffer copy = context.bufferAsCopyOfValue(parser);
            int elements = 0;
            try (JsonParser counter = copy.asParser(context)) {
                counter.nextToken();
                while (counter.nextToken() != JsonToken.END_ARRAY) {
                    counter.skipChildren();
                    elements++;
                }
            }
            if (elements != arity) {
                return context.reportInputMismatch(this, MESSAGE_PREFIX + "expected an array of %d elements but got %d",
                        arity, elements);
            }
            try (JsonParser replay = copy.asParser(context)) {
                replay.nextToken();
                return super.deserialize(replay, context);
            }
        }
    }
}
