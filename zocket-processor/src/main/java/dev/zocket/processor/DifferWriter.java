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
 * (and per nested container), comparing component by component. Leaves are compared with
 * {@code ==}, {@code Double.compare} or {@code equals}; records and containers are visited only
 * when their references differ; list, map and optional algorithms live in {@code Diffs}.
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
            type.addMethod(next instanceof RecordType record ? recordMethod(record) : containerMethod(next));
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
        if (type instanceof ValueType.MapOf map) {
            return "MapOf" + nameOf(map.value());
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
        if (type instanceof RecordType) {
            return CodeBlock.of("$N($L, $L, $L, patch)", methodFor(type), path, before, after);
        }
        if (type instanceof ValueType.ListOf list) {
            return CodeBlock.of("$T.list($L, $L, $L, $L, patch)", DIFFS, path, before, after, differOf(list.element()));
        }
        if (type instanceof ValueType.MapOf map) {
            return CodeBlock.of("$T.map($L, $L, $L, $L, patch)", DIFFS, path, before, after, differOf(map.value()));
        }
        if (type instanceof ValueType.OptionalOf optional) {
            return CodeBlock.of("$T.optional($L, $L, $L, $L, patch)", DIFFS, path, before, after,
                    differOf(optional.element()));
        }
        throw new IllegalStateException("Not a container: " + type);
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
