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
import dev.zocket.processor.ActorModel.MethodModel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>Dispatcher}: two {@code switch}es over the method name, one that
 * decodes and validates the input without an implementation, and one that makes the direct call
 * on the implementation with that input.
 */
final class DispatcherWriter {

    private final ActorModel model;
    private final ClassName name;
    private final NameAllocator constants = new NameAllocator();
    private final Map<MethodModel, String> inputConstants = new HashMap<>();

    DispatcherWriter(ActorModel model) {
        this.model = model;
        this.name = model.dispatcherName();
    }

    JavaFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(METHOD_DISPATCHER, model.contractName()))
                .addJavadoc("Routes RPCs to an implementation of {@link $T}.\n", model.contractName());
        addInstance(type);
        addInputConstants(type);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        addDecode(type);
        addInvoke(type);
        return file(name, type.build(), model);
    }

    private void addInstance(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T()", name)
                .build());
    }

    /** One {@code JsonType} constant per method that takes an input. */
    private void addInputConstants(TypeSpec.Builder type) {
        for (MethodModel method : model.methods()) {
            if (method.input().isPresent()) {
                TypeName input = method.input().get().type().typeName();
                String constant = constants.newName(constantName(method.name()) + "_INPUT");
                type.addField(FieldSpec.builder(jsonTypeOf(input), constant,
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(newJsonType(input))
                        .build());
                inputConstants.put(method, constant);
            }
        }
    }

    /** The first step: the decoded and validated input of the named method, needing no implementation. */
    private void addDecode(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("decode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(String.class, "method")
                .addParameter(JSON_NODE, "input")
                .addParameter(INPUT_DECODER, "inputs")
                .addCode(switchOnMethod(this::decodeInput))
                .build());
    }

    private CodeBlock decodeInput(MethodModel method) {
        String constant = inputConstants.get(method);
        if (constant == null) {
            return CodeBlock.builder().addStatement("return null").build();
        }
        return CodeBlock.builder()
                .addStatement("return inputs.decode($S, input, $N)", method.name(), constant)
                .build();
    }

    /** The second step: calls the named method with the input the first step decoded. */
    private void addInvoke(TypeSpec.Builder type) {
        MethodSpec.Builder invoke = MethodSpec.methodBuilder("invoke")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(METHOD_RESULT)
                .addParameter(model.contractName(), "actor")
                .addParameter(String.class, "method")
                .addParameter(Object.class, "input")
                .addCode(switchOnMethod(this::call));
        if (model.methods().stream().anyMatch(MethodModel::declaresExceptions)) {
            invoke.addException(Exception.class);
        }
        type.addMethod(invoke.build());
    }

    /** A {@code switch} with one case per method, and {@code unknownMethod} for any other name. */
    private CodeBlock switchOnMethod(Function<MethodModel, CodeBlock> body) {
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (method)");
        for (MethodModel method : model.methods()) {
            cases.add("case $S:\n", method.name()).indent()
                    .add(body.apply(method))
                    .unindent();
        }
        return cases.add("default:\n").indent()
                .addStatement("throw $T.unknownMethod(method)", METHOD_DISPATCHER)
                .unindent()
                .endControlFlow()
                .build();
    }

    /** Calls the method with its input, cast back from what the first step returned, and wraps what it returned. */
    private CodeBlock call(MethodModel method) {
        CodeBlock arguments = method.input().isEmpty() ? CodeBlock.of("")
                : CodeBlock.of("($T) input", method.input().get().type().typeName());
        if (method.async()) {
            return CodeBlock.builder()
                    .addStatement("return $T.pending(actor.$N($L), $L)", METHOD_RESULT, method.name(), arguments,
                            method.result().isEmpty())
                    .build();
        }
        if (method.result().isPresent()) {
            return CodeBlock.builder()
                    .addStatement("return $T.value(actor.$N($L))", METHOD_RESULT, method.name(), arguments)
                    .build();
        }
        return CodeBlock.builder()
                .addStatement("actor.$N($L)", method.name(), arguments)
                .addStatement("return $T.none()", METHOD_RESULT)
                .build();
    }
}
