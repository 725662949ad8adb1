package dev.zocket.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * A type that can appear in an actor contract, as the processor understands it: how it is
 * declared in generated code, and how the state differ compares it.
 */
sealed interface ValueType
        permits ValueType.Scalar, ValueType.EnumValue, RecordType, ValueType.ListOf, ValueType.SetOf,
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

    record EnumValue(ClassName typeName) implements ValueType {}

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

    /** Allowed in messages only; state needs the stable order of a list. */
    record SetOf(ValueType element) implements ValueType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Set"), element.typeName().box());
        }
    }

    record MapOf(ValueType value) implements ValueType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Map"), ClassName.get(String.class),
                    value.typeName().box());
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
