package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.zocket.processor.ActorModel.EventModel;
import dev.zocket.processor.ActorModel.EventsModel;
import javax.lang.model.element.Modifier;

/** Writes {@code <Contract>Emitter}: the events interface, implemented by emitting into a sink. */
final class EmitterWriter {

    private final ActorModel model;
    private final EventsModel events;

    EmitterWriter(ActorModel model, EventsModel events) {
        this.model = model;
        this.events = events;
    }

    JavaFile write() {
        ClassName name = model.emitterName();
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(events.typeName())
                .addJavadoc("Emits the events of {@link $T} to the subscribers {@code target} selects.\n",
                        model.contractName());
        addSinkAndTarget(type);
        for (EventModel event : events.events()) {
            addEvent(type, event);
        }
        return file(name, type.build(), model);
    }

    private static void addSinkAndTarget(TypeSpec.Builder type) {
        type.addField(EVENT_SINK, "sink", Modifier.PRIVATE, Modifier.FINAL)
                .addField(EVENT_TARGET, "target", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(EVENT_SINK, "sink")
                        .addParameter(EVENT_TARGET, "target")
                        .addStatement("this.sink = $T.requireNonNull(sink, $S)", OBJECTS, "sink")
                        .addStatement("this.target = $T.requireNonNull(target, $S)", OBJECTS, "target")
                        .build());
    }

    private static void addEvent(TypeSpec.Builder type, EventModel event) {
        String parameter = event.payload().name();
        type.addMethod(MethodSpec.methodBuilder(event.name())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(event.payload().type().typeName(), parameter)
                .addStatement("sink.emit($S, $T.requireNonNull($N, $S), target)", event.name(), OBJECTS, parameter,
                        parameter)
                .build());
    }
}
