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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <Contract>StateApplier}: the inverse of the state differ. One private method per
 * record and container reachable from the state takes the value at one point of an operation's
 * path and returns it with the operation applied: a record is rebuilt with one component
 * changed, a list or map through {@code Patches} with one element changed, and the target
 * itself is decoded from the operation's value. Anything the method does not take apart (a
 * leaf, a type added to the processor after this writer) is only ever replaced whole; any other
 * operation on it makes the generated code throw, and the client falls back to the JSON.
 */
final class ApplierWriter {

    static final ClassName STATE_APPLIER = ClassName.get("dev.zocket.spi", "StateApplier");
    private static final ClassName PATCHES = ClassName.get("dev.zocket.diff", "Patches");
    private static final ClassName PATCH_STEP = ClassName.get("dev.zocket.diff", "PatchStep");
    private static final ClassName PATCH_OPERATION = ClassName.get("dev.zocket.json", "PatchOperation");
    private static final ClassName JSON_CODEC = ClassName.get("dev.zocket.json", "JsonCodec");
    private static final ClassName STRING = ClassName.get(String.class);

    /** How the applier treats a type. */
    private enum Shape { RECORD, LIST, MAP, OPTIONAL, LEAF }

    private final ActorModel model;
    private final ClassName applier;
    private final TypeName state;
    private final NameAllocator names = new NameAllocator();
    private final Map<ValueType, String> methods = new LinkedHashMap<>();
    private final Map<TypeName, String> jsonTypes = new LinkedHashMap<>();
    private final Deque<ValueType> toWrite = new ArrayDeque<>();
    private final Map<String, Integer> simpleNameUses = new HashMap<>();

    ApplierWriter(ActorModel model) {
        this.model = model;
        this.applier = model.applierName();
        this.state = model.state().typeName();
        for (RecordType record : model.stateRecords()) {
            simpleNameUses.merge(record.element().getSimpleName().toString(), 1, Integer::sum);
        }
    }

    JavaFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(applier)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(STATE_APPLIER, state))
                .addJavadoc("Applies JSON Patches from the differ of {@link $T} to its typed state, rebuilding only\n",
                        model.contractName())
                .addJavadoc("the path to each change.\n");
        addInstance(type);
        addStateType(type);
        addApply(type);
        List<MethodSpec> written = new ArrayList<>();
        while (!toWrite.isEmpty()) {
            ValueType next = toWrite.removeFirst();
            written.add(next instanceof RecordType record ? recordMethod(record) : containerMethod(next));
        }
        for (Map.Entry<TypeName, String> constant : jsonTypes.entrySet()) {
            type.addField(FieldSpec.builder(jsonTypeOf(constant.getKey()), constant.getValue(),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(newJsonType(constant.getKey()))
                    .build());
        }
        type.addMethods(written);
        return file(applier, type.build(), model);
    }

    private void addInstance(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(applier, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", applier)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    private void addStateType(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("stateType")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Class.class), state))
                .addStatement("return $T.class", state)
                .build());
    }

    /** The interface method: each operation in turn, from the root. */
    private void addApply(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("apply")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(state)
                .addParameter(state, "state")
                .addParameter(ParameterizedTypeName.get(LIST, PATCH_OPERATION), "operations")
                .addParameter(JSON_CODEC, "json")
                .addStatement("$T current = state", state)
                .beginControlFlow("for ($T operation : operations)", PATCH_OPERATION)
                .addStatement("current = $N(current, $T.of(operation, json), 0)", methodFor(model.state()), PATCH_STEP)
                .endControlFlow()
                .addStatement("return current")
                .build());
    }

    private static Shape shapeOf(ValueType type) {
        if (type instanceof RecordType) {
            return Shape.RECORD;
        }
        TypeName name = type.typeName();
        if (!(name instanceof ParameterizedTypeName parameterized)) {
            return Shape.LEAF;
        }
        ClassName raw = parameterized.rawType();
        if (type instanceof ValueType.ListOf && raw.equals(LIST)) {
            return Shape.LIST;
        }
        if (type instanceof ValueType.MapOf && raw.equals(MAP)
                && parameterized.typeArguments().get(0).equals(STRING)) {
            return Shape.MAP;
        }
        if (type instanceof ValueType.OptionalOf && raw.equals(OPTIONAL)) {
            return Shape.OPTIONAL;
        }
        return Shape.LEAF;
    }

    /** The name of the generated method patching {@code type}, scheduling it if new. */
    private String methodFor(ValueType type) {
        String existing = methods.get(type);
        if (existing != null) {
            return existing;
        }
        String name = names.newName("patch" + nameOf(type));
        methods.put(type, name);
        toWrite.addLast(type);
        return name;
    }

    /** The {@code JsonType} constant of {@code type}, declared once. */
    private String jsonType(ValueType type) {
        TypeName name = type.typeName().box();
        return jsonTypes.computeIfAbsent(name, n -> names.newName(constantName(nameOf(type))));
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

    /** An expression for a {@code ValuePatcher} of {@code type}, for the elements of a container. */
    private CodeBlock patcherOf(ValueType type) {
        if (shapeOf(type) == Shape.LEAF) {
            return CodeBlock.of("$T.leaf($N)", PATCHES, jsonType(type));
        }
        return CodeBlock.of("$T::$N", applier, methodFor(type));
    }

    private MethodSpec recordMethod(RecordType record) {
        MethodSpec.Builder method = patchMethod(methods.get(record), record.typeName())
                .beginControlFlow("if (step.isTarget(depth))")
                .addStatement("return step.replacement($N)", jsonType(record))
                .endControlFlow()
                .beginControlFlow("if (value == null)")
                .addStatement("throw step.unsupported($S)", "the " + record.element().getSimpleName() + " is null")
                .endControlFlow()
                .beginControlFlow("switch (step.token(depth))");
        List<RecordType.Component> components = record.components();
        for (int i = 0; i < components.size(); i++) {
            RecordType.Component component = components.get(i);
            String member = record.arrayShaped() ? Integer.toString(i) : component.jsonName();
            method.addCode("case $S:\n", member).addCode("$>");
            if (changesJson(record, component)) {
                method.addStatement("throw step.unsupported($S)", "member " + component.name()
                        + " carries a Jackson annotation; the JSON decides");
            } else {
                method.addStatement("return new $T($L)", record.typeName(), arguments(components, i));
            }
            method.addCode("$<");
        }
        method.addCode("default:\n$>");
        if (record.arrayShaped()) {
            method.addStatement("throw step.unsupported($S)", "no such element in a " + components.size()
                    + "-element " + record.element().getSimpleName());
        } else {
            method.addCode("// A member the record does not declare: decoding ignores it, and so do we.\n")
                    .addStatement("return value");
        }
        return method.addCode("$<").endControlFlow().build();
    }

    /** The constructor arguments: every component as it was, except component {@code changed}. */
    private CodeBlock arguments(List<RecordType.Component> components, int changed) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            RecordType.Component component = components.get(i);
            arguments.add(i == changed ? changedComponent(component)
                    : CodeBlock.of("value.$N()", component.name()));
        }
        return CodeBlock.join(arguments, ",$W");
    }

    private CodeBlock changedComponent(RecordType.Component component) {
        ValueType type = component.type();
        if (shapeOf(type) != Shape.LEAF) {
            return CodeBlock.of("$N(value.$N(), step, depth + 1)", methodFor(type), component.name());
        }
        if (type.typeName().isPrimitive()) {
            return CodeBlock.of("step.primitive(depth + 1, $N)", jsonType(type));
        }
        return CodeBlock.of("step.leaf(depth + 1, $N)", jsonType(type));
    }

    /**
     * Whether a Jackson annotation other than {@code @JsonProperty} sits on the component: it may
     * change how the member's value decodes (a format, a deserializer), which decoding the value
     * on its own as its type would miss, so such members are left to the full decode.
     */
    private static boolean changesJson(RecordType record, RecordType.Component component) {
        for (RecordComponentElement element : record.element().getRecordComponents()) {
            if (element.getSimpleName().contentEquals(component.name())) {
                return hasJacksonAnnotation(element) || hasJacksonAnnotation(element.getAccessor());
            }
        }
        return false;
    }

    private static boolean hasJacksonAnnotation(Element element) {
        if (element == null) {
            return false;
        }
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            String name = ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
            boolean jackson = name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.");
            if (jackson && !name.equals("com.fasterxml.jackson.annotation.JsonProperty")) {
                return true;
            }
        }
        return false;
    }

    private MethodSpec containerMethod(ValueType container) {
        MethodSpec.Builder method = patchMethod(methods.get(container), container.typeName())
                .beginControlFlow("if (step.isTarget(depth))");
        if (container instanceof ValueType.OptionalOf optional) {
            method.addStatement("return $T.ofNullable(step.replacement($N))", OPTIONAL, jsonType(optional.element()))
                    .endControlFlow()
                    .addStatement("return $T.optional(value, step, depth, $L)", PATCHES,
                            patcherOf(optional.element()));
        } else if (container instanceof ValueType.ListOf list) {
            method.addStatement("return step.replacement($N)", jsonType(container))
                    .endControlFlow()
                    .addStatement("return $T.list(value, step, depth, $L)", PATCHES, patcherOf(list.element()));
        } else if (container instanceof ValueType.MapOf map) {
            method.addStatement("return step.replacement($N)", jsonType(container))
                    .endControlFlow()
                    .addStatement("return $T.map(value, step, depth, $L)", PATCHES, patcherOf(map.value()));
        } else {
            throw new IllegalStateException("Not a container: " + container);
        }
        return method.build();
    }

    private MethodSpec.Builder patchMethod(String name, TypeName type) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addParameter(type, "value")
                .addParameter(PATCH_STEP, "step")
                .addParameter(int.class, "depth");
    }
}
