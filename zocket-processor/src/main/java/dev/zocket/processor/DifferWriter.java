package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zocket.json.JsonPointer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>StateDiffer}: one private method per record reachable from the state
 * (and per sealed interface and nested container), comparing component by component. Leaves are
 * compared with {@code ==}, {@code Double.compare} or {@code equals}; records and containers are
 * visited only when their references differ; a sealed interface is replaced when the variant
 * changes and diffed as the variant's record otherwise; list, set, map and optional algorithms
 * live in {@code Diffs}. Map keys that are not strings are named as Jackson names them: by
 * {@code toString()}, or for enum constants renamed with {@code @JsonProperty} by a generated
 * {@code keyOf<Enum>} method.
 */
final class DifferWriter {

    private final ActorModel model;
    private final ClassName differ;
    private final TypeName state;
    private final NameAllocator methodNames = new NameAllocator();
    private final Map<ValueType, String> namedMethods = new LinkedHashMap<>();
    private final Deque<ValueType> toWrite = new ArrayDeque<>();
    private final Set<String> recordSimpleNames = new HashSet<>();
    private final Map<String, Integer> simpleNameUses = new HashMap<>();
    private final Map<ValueType.EnumValue, String> keyMethods = new LinkedHashMap<>();

    DifferWriter(ActorModel model) {
        this.model = model;
        this.differ = model.differName();
        this.state = model.state().typeName();
        for (RecordType record : model.stateRecords()) {
            simpleNameUses.merge(record.element().getSimpleName().toString(), 1, Integer::sum);
        }
    }

    JavaFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(differ)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(STATE_DIFFER, state))
                .addJavadoc("Computes JSON Patches between two states of {@link $T}.\n", model.contractName());
        addInstance(type);
        addDiff(type);
        addScheduledMethods(type);
        addKeyMethods(type);
        return file(differ, type.build(), model);
    }

    private void addInstance(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(differ, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", differ)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    /** The interface method: skips equal references, else diffs the state record from the root path. */
    private void addDiff(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("diff")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(state, "before")
                .addParameter(state, "after")
                .addParameter(PATCH_BUILDER, "patch")
                .beginControlFlow("if (before != after)")
                .addStatement("$N($S, before, after, patch)", methodFor(model.state()), "")
                .endControlFlow()
                .build());
    }

    /** Writes every method {@link #methodFor} scheduled, including those scheduled while writing. */
    private void addScheduledMethods(TypeSpec.Builder type) {
        while (!toWrite.isEmpty()) {
            ValueType next = toWrite.removeFirst();
            if (next instanceof RecordType record) {
                type.addMethod(recordMethod(record));
            } else if (next instanceof SealedType sealed) {
                type.addMethod(sealedMethod(sealed));
            } else {
                type.addMethod(containerMethod(next));
            }
        }
    }

    /** For each enum key type with renamed constants, the method naming a key as Jackson does. */
    private void addKeyMethods(TypeSpec.Builder type) {
        for (Map.Entry<ValueType.EnumValue, String> entry : keyMethods.entrySet()) {
            ValueType.EnumValue key = entry.getKey();
            MethodSpec.Builder method = MethodSpec.methodBuilder(entry.getValue())
                    .addJavadoc("The JSON object key Jackson writes for {@code key}.\n")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(String.class)
                    .addParameter(key.typeName(), "key")
                    .beginControlFlow("switch (key)");
            for (Map.Entry<String, String> renamed : key.renamedConstants().entrySet()) {
                method.addStatement("case $N: return $S", renamed.getKey(), renamed.getValue());
            }
            type.addMethod(method.addStatement("default: return key.toString()")
                    .endControlFlow()
                    .build());
        }
    }

    /** The name of the generated method diffing {@code type}, scheduling it if new. */
    private String methodFor(ValueType type) {
        String existing = namedMethods.get(type);
        if (existing != null) {
            return existing;
        }
        String name = methodNames.newName("diff" + nameOf(type));
        namedMethods.put(type, name);
        toWrite.addLast(type);
        return name;
    }

    private String nameOf(ValueType type) {
        if (type instanceof RecordType record) {
            String simple = record.element().getSimpleName().toString();
            return simpleNameUses.getOrDefault(simple, 0) > 1 ? record.flatName() : simple;
        }
        if (type instanceof ValueType.ListOf list) {
            return "ListOf" + nameOf(list.element());
        }
        if (type instanceof SealedType sealed) {
            String simple = sealed.element().getSimpleName().toString();
            return simpleNameUses.getOrDefault(simple, 0) > 0 ? String.join("", sealed.typeName().simpleNames()) : simple;
        }
        if (type instanceof ValueType.MapOf map) {
            return "MapOf" + (map.hasStringKeys() ? "" : nameOf(map.key()) + "To") + nameOf(map.value());
        }
        if (type instanceof ValueType.SetOf set) {
            return "SetOf" + nameOf(set.element());
        }
        if (type instanceof ValueType.OptionalOf optional) {
            return "OptionalOf" + nameOf(optional.element());
        }
        if (type instanceof ValueType.PrimitiveArray array) {
            return ActorReader.capitalize(array.component().toString()) + "Array";
        }
        TypeName name = type.typeName().box();
        return name instanceof ClassName className ? className.simpleName() : "Value";
    }

    /** An expression for a {@code ValueDiffer} of {@code type}. */
    private CodeBlock differOf(ValueType type) {
        if (type.isLeaf()) {
            return CodeBlock.of("$T::leaf", DIFFS);
        }
        return CodeBlock.of("$T::$N", differ, methodFor(type));
    }

    private MethodSpec recordMethod(RecordType record) {
        MethodSpec.Builder method = diffMethod(namedMethods.get(record), record.typeName())
                .beginControlFlow("if (before == null || after == null)")
                .addStatement("patch.replace(path, after)")
                .addStatement("return")
                .endControlFlow();
        int index = 0;
        for (RecordType.Component component : record.components()) {
            String member = record.arrayShaped() ? Integer.toString(index) : JsonPointer.escape(component.jsonName());
            method.addCode(componentDiff(component, "/" + member));
            index++;
        }
        return method.build();
    }

    private CodeBlock componentDiff(RecordType.Component component, String pathSuffix) {
        String accessor = component.name();
        ValueType type = component.type();
        CodeBlock.Builder code = CodeBlock.builder();
        if (type instanceof ValueType.Scalar scalar && scalar.isFloatingPrimitive()) {
            code.beginControlFlow("if ($T.compare(before.$N(), after.$N()) != 0)", scalar.typeName().box(), accessor,
                    accessor);
        } else if ((type instanceof ValueType.Scalar scalar && scalar.isPrimitive()) || type instanceof ValueType.EnumValue) {
            code.beginControlFlow("if (before.$N() != after.$N())", accessor, accessor);
        } else if (type instanceof ValueType.PrimitiveArray) {
            code.beginControlFlow("if (!$T.equals(before.$N(), after.$N()))", ARRAYS, accessor, accessor);
        } else if (type.isLeaf()) {
            code.beginControlFlow("if (!$T.equals(before.$N(), after.$N()))", OBJECTS, accessor, accessor);
        } else {
            code.beginControlFlow("if (before.$N() != after.$N())", accessor, accessor)
                    .addStatement(containerOrRecordDiff(type, CodeBlock.of("path + $S", pathSuffix),
                            CodeBlock.of("before.$N()", accessor), CodeBlock.of("after.$N()", accessor)))
                    .endControlFlow();
            return code.build();
        }
        return code.addStatement("patch.replace(path + $S, after.$N())", pathSuffix, accessor)
                .endControlFlow()
                .build();
    }

    private CodeBlock containerOrRecordDiff(ValueType type, CodeBlock path, CodeBlock before, CodeBlock after) {
        if (type instanceof RecordType || type instanceof SealedType) {
            return CodeBlock.of("$N($L, $L, $L, patch)", methodFor(type), path, before, after);
        }
        if (type instanceof ValueType.ListOf list) {
            return CodeBlock.of("$T.list($L, $L, $L, $L, patch)", DIFFS, path, before, after, differOf(list.element()));
        }
        if (type instanceof ValueType.SetOf) {
            return CodeBlock.of("$T.set($L, $L, $L, patch)", DIFFS, path, before, after);
        }
        if (type instanceof ValueType.MapOf map && map.hasStringKeys()) {
            return CodeBlock.of("$T.map($L, $L, $L, $L, patch)", DIFFS, path, before, after, differOf(map.value()));
        }
        if (type instanceof ValueType.MapOf map) {
            return CodeBlock.of("$T.map($L, $L, $L, $L, $L, patch)", DIFFS, path, before, after, keyNameOf(map.key()),
                    differOf(map.value()));
        }
        if (type instanceof ValueType.OptionalOf optional) {
            return CodeBlock.of("$T.optional($L, $L, $L, $L, patch)", DIFFS, path, before, after,
                    differOf(optional.element()));
        }
        throw new IllegalStateException("Not a container: " + type);
    }

    /** An expression for the function naming a map key as Jackson does. */
    private CodeBlock keyNameOf(ValueType key) {
        if (key instanceof ValueType.EnumValue enumKey && !enumKey.renamedConstants().isEmpty()) {
            String name = keyMethods.computeIfAbsent(enumKey,
                    k -> methodNames.newName("keyOf" + k.typeName().simpleName()));
            return CodeBlock.of("$T::$N", differ, name);
        }
        return CodeBlock.of("$T::toString", OBJECT);
    }

    /**
     * Replaces the value when the variant changes; otherwise diffs it as the variant's record.
     * Variants without components have nothing to diff and are left out.
     */
    private MethodSpec sealedMethod(SealedType sealed) {
        MethodSpec.Builder method = diffMethod(namedMethods.get(sealed), sealed.typeName())
                .beginControlFlow("if (before == null || after == null || before.getClass() != after.getClass())")
                .addStatement("patch.replace(path, after)");
        for (RecordType variant : sealed.variants()) {
            if (variant.components().isEmpty()) {
                continue;
            }
            method.nextControlFlow("else if (before instanceof $T)", variant.typeName())
                    .addStatement("$N(path, ($T) before, ($T) after, patch)", methodFor(variant), variant.typeName(),
                            variant.typeName());
        }
        return method.endControlFlow().build();
    }

    private MethodSpec containerMethod(ValueType container) {
        return diffMethod(namedMethods.get(container), container.typeName())
                .addStatement(containerOrRecordDiff(container, CodeBlock.of("path"), CodeBlock.of("before"),
                        CodeBlock.of("after")))
                .build();
    }

    private static MethodSpec.Builder diffMethod(String name, TypeName type) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(String.class, "path")
                .addParameter(type, "before")
                .addParameter(type, "after")
                .addParameter(PATCH_BUILDER, "patch");
    }
}
