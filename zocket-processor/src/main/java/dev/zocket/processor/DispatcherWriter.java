package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zocket.processor.ActorModel.MethodModel;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>Dispatcher}: a {@code switch} from method name to a direct call on
 * the implementation, decoding and validating the input first.
 */
final class DispatcherWriter {

    private final ActorModel model;
    private final NameAllocator constants = new NameAllocator();

    DispatcherWriter(ActorModel model) {
        this.model = model;
    }

    JavaFile write() {
        ClassName name = model.dispatcherName();
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(METHOD_DISPATCHER, model.contractName()))
                .addJavadoc("Routes RPCs to an implementation of {@link $T}.\n", model.contractName())
                .addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", name)
                        .build());

        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (method)");
        boolean throwsExceptions = false;
        for (MethodModel method : model.methods()) {
            throwsExceptions |= method.declaresExceptions();
            CodeBlock arguments = CodeBlock.of("");
            if (method.input().isPresent()) {
                String constant = constants.newName(constantName(method.name()) + "_INPUT");
                type.addField(FieldSpec.builder(jsonTypeOf(method.input().get().type().typeName()), constant,
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(newJsonType(method.input().get().type().typeName()))
                        .build());
                arguments = CodeBlock.of("inputs.decode($S, input, $N)", method.name(), constant);
            }
            cases.add("case $S:\n", method.name()).indent();
            if (method.async()) {
                cases.addStatement("return $T.pending(actor.$N($L), $L)", METHOD_RESULT, method.name(), arguments,
                        method.result().isEmpty());
            } else if (method.result().isPresent()) {
                cases.addStatement("return $T.value(actor.$N($L))", METHOD_RESULT, method.name(), arguments);
            } else {
                cases.addStatement("actor.$N($L)", method.name(), arguments);
                cases.addStatement("return $T.none()", METHOD_RESULT);
            }
            cases.unindent();
        }
        cases.add("default:\n").indent()
                .addStatement("throw $T.unknownMethod(method)", METHOD_DISPATCHER)
                .unindent()
                .endControlFlow();

        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        MethodSpec.Builder dispatch = MethodSpec.methodBuilder("dispatch")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(METHOD_RESULT)
                .addParameter(model.contractName(), "actor")
                .addParameter(String.class, "method")
                .addParameter(JSON_NODE, "input")
                .addParameter(INPUT_DECODER, "inputs")
                .addCode(cases.build());
        if (throwsExceptions) {
            dispatch.addException(Exception.class);
        }
        type.addMethod(dispatch.build());
        return file(name, type.build(), model);
    }
}
