package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zocket.processor.ActorModel.ViewModel;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>StateViews}: the {@code StateViews} that calls the contract's
 * {@code @View.Audience} and {@code @View} methods.
 */
final class ViewsWriter {

    private static final ClassName VIEWER = ClassName.get("dev.zocket", "Viewer");

    private final ActorModel model;
    private final ViewModel view;

    ViewsWriter(ActorModel model, ViewModel view) {
        this.model = model;
        this.view = view;
    }

    JavaFile write() {
        ClassName name = model.viewsName();
        TypeName state = model.state().typeName();
        TypeSpec type = TypeSpec.classBuilder(name)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(STATE_VIEWS, state, view.key()))
                .addJavadoc("The views of {@link $T}: {@link $T#$L} sorts subscribers, {@link $T#$L} computes what they see.\n",
                        model.contractName(), model.contractName(), view.audience().getSimpleName(),
                        model.contractName(), view.view().getSimpleName())
                .addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", name)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("audience")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(view.key())
                        .addParameter(state, "state")
                        .addParameter(VIEWER, "viewer")
                        .addStatement("return $T.$L(state, viewer)", model.contractName(), view.audience().getSimpleName())
                        .build())
                .addMethod(MethodSpec.methodBuilder("view")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(state)
                        .addParameter(state, "state")
                        .addParameter(view.key(), "audience")
                        .addStatement("return $T.$L(state, audience)", model.contractName(), view.view().getSimpleName())
                        .build())
                .build();
        return file(name, type, model);
    }
}
