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
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>Dispatcher}: a {@code switch} from method name to a direct call on
 * the implementation, decoding and validating the input first.
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
        addDispatch(type);
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

    private void addDispatch(TypeSpec.Builder type) {
        MethodSpec.Builder dispatch = MethodSpec.methodBuilder("dispatch")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(METHOD_RESULT)
                .addParameter(model.contractName(), "actor")
                .addParameter(String.class, "method")
                .addParameter(JSON_NODE, "input")
                .addParameter(INPUT_DECODER, "inputs")
                .addCode(switchOnMethod());
        if (model.methods().stream().anyMatch(MethodModel::declaresExceptions)) {
            dispatch.addException(Exception.class);
        }
        type.addMethod(dispatch.build());
    }

    private CodeBlock switchOnMethod() {
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (method)");
        for (MethodModel method : model.methods()) {
            cases.add("case $S:\n", method.name()).indent()
                    .add(call(method))
                    .unindent();
        }
        return cases.add("default:\n").indent()
                .addStatement("throw $T.unknownMethod(method)", METHOD_DISPATCHER)
                .unindent()
                .endControlFlow()
                .build();
    }

    /** Calls the method with its decoded input and returns what it returned as a {@code MethodResult}. */
    private CodeBlock call(MethodModel method) {
        String constant = inputConstants.get(method);
        CodeBlock arguments = constant == null ? CodeBlock.of("")
                : CodeBlock.of("inputs.decode($S, input, $N)", method.name(), constant);
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
