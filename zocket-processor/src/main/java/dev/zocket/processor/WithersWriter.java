package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Record>Withers}: an interface a state record can implement to get one
 * {@code withX(value)} copy method per component.
 *
 * <pre>{@code
 * record State(List<Message> messages, int round) implements ChatRoomStateWithers {}
 *
 * state.withRound(state.round() + 1)
 * }</pre>
 */
final class WithersWriter {

    private final ActorModel model;
    private final RecordType record;

    WithersWriter(ActorModel model, RecordType record) {
        this.model = model;
        this.record = record;
    }

    JavaFile write() {
        ClassName name = ActorModel.withersName(record);
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(record.element())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Copy methods for {@link $T}. Let the record implement this interface:\n", record.typeName())
                .addJavadoc("{@code record $L(...) implements $L}.\n", record.element().getSimpleName(), name.simpleName());
        for (RecordType.Component component : record.components()) {
            addAccessor(type, component);
        }
        for (RecordType.Component component : record.components()) {
            addWither(type, component);
        }
        return file(name, type.build(), model);
    }

    /** The record's own accessor, declared so the default methods can call it. */
    private static void addAccessor(TypeSpec.Builder type, RecordType.Component component) {
        type.addMethod(MethodSpec.methodBuilder(component.name())
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(component.type().typeName())
                .build());
    }

    private void addWither(TypeSpec.Builder type, RecordType.Component changed) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (RecordType.Component component : record.components()) {
            arguments.add(component == changed ? CodeBlock.of("$N", component.name())
                    : CodeBlock.of("$N()", component.name()));
        }
        type.addMethod(MethodSpec.methodBuilder("with" + ActorReader.capitalize(changed.name()))
                .addJavadoc("Returns a copy with {@code $L} replaced.\n", changed.name())
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(record.typeName())
                .addParameter(changed.type().typeName(), changed.name())
                .addStatement("return new $T($L)", record.typeName(), CodeBlock.join(arguments, ", "))
                .build());
    }
}
