package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zocket.processor.ActorModel.MethodModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>Binding}: the entry point a host uses to run the actor, listed in
 * {@code META-INF/services/dev.zocket.spi.ActorBinding}.
 */
final class BindingWriter {

    private final ActorModel model;
    private final ClassName name;
    private final TypeName state;
    private final TypeName events;

    BindingWriter(ActorModel model) {
        this.model = model;
        this.name = model.bindingName();
        this.state = model.state().typeName();
        this.events = model.events().<TypeName>map(ActorModel.EventsModel::typeName).orElse(NO_EVENTS);
    }

    JavaFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ACTOR_BINDING, model.contractName(), state, events))
                .addJavadoc("Hosts the {@code $L} actor, {@link $T}. Found through {@link java.util.ServiceLoader};\n",
                        model.name(), model.contractName())
                .addJavadoc("pass {@link #INSTANCE} to register it explicitly.\n");
        addInstance(type);
        addMethodsConstant(type);
        addConstructor(type);
        addIdentity(type);
        addInitialState(type);
        addGeneratedParts(type);
        addMethods(type);
        if (!model.access().isEmpty()) {
            addAccessRules(type);
        }
        addViews(type);
        return file(name, type.build(), model);
    }

    private void addInstance(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T()", name)
                .build());
    }

    private void addMethodsConstant(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, METHOD_DESCRIPTOR), "METHODS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(methodDescriptors())
                .build());
    }

    private void addConstructor(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("For {@link java.util.ServiceLoader}; use {@link #INSTANCE} otherwise.\n")
                .addModifiers(Modifier.PUBLIC)
                .build());
    }

    /** {@code actorName()} and {@code contract()}. */
    private void addIdentity(TypeSpec.Builder type) {
        type.addMethod(getter("actorName", TypeName.get(String.class), CodeBlock.of("$S", model.name())));
        type.addMethod(getter("contract", ParameterizedTypeName.get(ClassName.get(Class.class), model.contractName()),
                CodeBlock.of("$T.class", model.contractName())));
    }

    private void addInitialState(TypeSpec.Builder type) {
        type.addMethod(getter("initialState", state, initialState()));
    }

    private void addMethods(TypeSpec.Builder type) {
        type.addMethod(getter("methods", ParameterizedTypeName.get(LIST, METHOD_DESCRIPTOR), CodeBlock.of("METHODS")));
    }

    /** The dispatcher, differ and emitter this binding hands out. */
    private void addGeneratedParts(TypeSpec.Builder type) {
        type.addMethod(getter("dispatcher", ParameterizedTypeName.get(METHOD_DISPATCHER, model.contractName()),
                CodeBlock.of("$T.INSTANCE", model.dispatcherName())));
        type.addMethod(getter("differ", ParameterizedTypeName.get(STATE_DIFFER, state),
                CodeBlock.of("$T.INSTANCE", model.differName())));
        type.addMethod(MethodSpec.methodBuilder("emitter")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(events)
                .addParameter(EVENT_SINK, "sink")
                .addParameter(EVENT_TARGET, "target")
                .addStatement(model.events().isPresent()
                        ? CodeBlock.of("return new $T(sink, target)", model.emitterName())
                        : CodeBlock.of("return $T.INSTANCE", NO_EVENTS))
                .build());
    }

    /**
     * {@code accessRules()}, answered by a nested {@code Access} class: a switch over the
     * annotated methods, one constant per distinct role set.
     */
    private void addAccessRules(TypeSpec.Builder type) {
        type.addMethod(getter("accessRules", ACCESS_RULES, CodeBlock.of("Access.INSTANCE")));
        type.addType(new AccessRulesWriter(model).write());
    }

    /** {@code views()}, only for a contract that declares them; the interface's default says none. */
    private void addViews(TypeSpec.Builder type) {
        if (model.view().isPresent()) {
            type.addMethod(getter("views",
                    ParameterizedTypeName.get(STATE_VIEWS, state, model.view().get().key()),
                    CodeBlock.of("$T.INSTANCE", model.viewsName())));
        }
    }

    private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", value)
                .build();
    }

    private CodeBlock methodDescriptors() {
        List<CodeBlock> descriptors = new ArrayList<>();
        for (MethodModel method : model.methods()) {
            descriptors.add(CodeBlock.of("new $T($S)", METHOD_DESCRIPTOR, method.name()));
        }
        return listOf(descriptors);
    }

    private static CodeBlock listOf(List<CodeBlock> elements) {
        if (elements.isEmpty()) {
            return CodeBlock.of("$T.of()", LIST);
        }
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", LIST).indent().indent();
        for (int i = 0; i < elements.size(); i++) {
            list.add(elements.get(i)).add(i < elements.size() - 1 ? ",\n" : ")");
        }
        return list.unindent().unindent().build();
    }

    /** {@code new State()} if the record has a no-argument constructor, else its canonical one with empty values. */
    private CodeBlock initialState() {
        if (model.stateHasNoArgConstructor()) {
            return CodeBlock.of("new $T()", state);
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (RecordType.Component component : model.state().components()) {
            arguments.add(emptyValue(component.type()));
        }
        return CodeBlock.of("new $T($L)", state, CodeBlock.join(arguments, ", "));
    }

    /** {@code Collections.emptySortedMap()} and the like for the sorted containers. */
    private static Optional<CodeBlock> sortedEmpty(ClassName container) {
        String simple = container.simpleName();
        if (simple.startsWith("Sorted") || simple.startsWith("Navigable")) {
            return Optional.of(CodeBlock.of("$T.empty$L()", ClassName.get("java.util", "Collections"), simple));
        }
        return Optional.empty();
    }

    private static CodeBlock emptyValue(ValueType type) {
        if (type instanceof ValueType.ListOf) {
            return CodeBlock.of("$T.of()", LIST);
        }
        if (type instanceof ValueType.MapOf map) {
            return sortedEmpty(map.container()).orElse(CodeBlock.of("$T.of()", MAP));
        }
        if (type instanceof ValueType.SetOf set) {
            return sortedEmpty(set.container()).orElse(CodeBlock.of("$T.of()", SET));
        }
        if (type instanceof ValueType.OptionalOf) {
            return CodeBlock.of("$T.empty()", OPTIONAL);
        }
        TypeName name = type.typeName();
        if (name.equals(TypeName.BOOLEAN)) {
            return CodeBlock.of("false");
        }
        if (name.equals(TypeName.LONG)) {
            return CodeBlock.of("0L");
        }
        if (name.equals(TypeName.FLOAT)) {
            return CodeBlock.of("0f");
        }
        if (name.equals(TypeName.DOUBLE)) {
            return CodeBlock.of("0.0");
        }
        if (name.equals(TypeName.CHAR)) {
            return CodeBlock.of("'\\0'");
        }
        if (name.equals(TypeName.BYTE) || name.equals(TypeName.SHORT)) {
            return CodeBlock.of("($T) 0", name);
        }
        if (name.isPrimitive()) {
            return CodeBlock.of("0");
        }
        return CodeBlock.of("null");
    }
}
