package dev.zocket.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A type that can appear in an actor contract, as the processor understands it: how it is
 * declared in generated code, and how the state differ compares it.
 */
sealed interface ValueType
        permits ValueType.Scalar, ValueType.EnumValue, RecordType, SealedType, ValueType.ListOf, ValueType.SetOf,
                ValueType.MapOf, ValueType.OptionalOf, ValueType.PrimitiveArray, ValueType.JsonTree {

    /** The type as written in generated code, without type-use annotations. */
    TypeName typeName();

    /** Whether the differ replaces the value whole when it changes. */
    default boolean isLeaf() {
        return true;
    }

    /** A primitive, a box, {@code String}, a big number, {@code UUID} or a {@code java.time} value. */
    record Scalar(TypeName typeName) implements ValueType {
        boolean isPrimitive() {
            return typeName.isPrimitive();
        }

        boolean isFloatingPrimitive() {
            return typeName.equals(TypeName.DOUBLE) || typeName.equals(TypeName.FLOAT);
        }
    }

    /**
     * An enum, written by Jackson as its constant's {@code @JsonProperty} name or else its
     * {@code toString()}.
     *
     * @param renamedConstants constant name to JSON name, for the constants renamed with {@code @JsonProperty}
     */
    record EnumValue(ClassName typeName, Map<String, String> renamedConstants) implements ValueType {
        public EnumValue {
            renamedConstants = Collections.unmodifiableMap(new LinkedHashMap<>(renamedConstants));
        }

        EnumValue(ClassName typeName) {
            this(typeName, Map.of());
        }
    }

    /** {@code double[]} and other primitive arrays: a JSON array replaced whole when it changes. */
    record PrimitiveArray(TypeName component) implements ValueType {
        @Override
        public TypeName typeName() {
            return ArrayTypeName.of(component);
        }
    }

    /** A Jackson tree: opaque JSON, replaced whole when it changes. */
    record JsonTree(ClassName typeName) implements ValueType {}

    record ListOf(ValueType element) implements ValueType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "List"), element.typeName().box());
        }

        @Override
        public boolean isLeaf() {
            return false;
        }
    }

    /**
     * A {@code Set}, {@code SortedSet} or {@code NavigableSet}: a JSON array in the set's iteration
     * order. In state its elements are scalars or enums, diffed as the list of that order.
     *
     * @param container {@code java.util.Set} or one of its sorted forms, as declared
     */
    record SetOf(ValueType element, ClassName container) implements ValueType {
        SetOf(ValueType element) {
            this(element, ClassName.get("java.util", "Set"));
        }

        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(container, element.typeName().box());
        }

        @Override
        public boolean isLeaf() {
            return false;
        }
    }

    /**
     * A {@code Map}, {@code SortedMap} or {@code NavigableMap}: a JSON object whose member names are
     * the keys as strings.
     *
     * @param key a {@code String}, {@code UUID}, {@code Integer} or {@code Long} scalar, or an enum
     * @param container {@code java.util.Map} or one of its sorted forms, as declared
     */
    record MapOf(ValueType key, ValueType value, ClassName container) implements ValueType {
        MapOf(ValueType value) {
            this(new Scalar(ClassName.get(String.class)), value, ClassName.get("java.util", "Map"));
        }

        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(container, key.typeName().box(), value.typeName().box());
        }

        /** Whether the keys are strings already, so that no key conversion is needed. */
        boolean hasStringKeys() {
            return key.typeName().equals(ClassName.get(String.class));
        }

        @Override
        public boolean isLeaf() {
            return false;
        }
    }

    record OptionalOf(ValueType element) implements ValueType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Optional"), element.typeName().box());
        }

        @Override
        public boolean isLeaf() {
            return false;
        }
    }
}
