package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.zocket.processor.ActorModel.EventModel;
import dev.zocket.processor.ActorModel.EventsModel;
import dev.zocket.processor.ActorModel.MethodModel;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Contract>Handle}: the typed client-side proxy of one actor instance. Single
 * use: the {@code JsonType} constants it declares are remembered for the methods that use them.
 */
final class HandleWriter {

    private final ActorModel model;
    private final ClassName handle;
    private final ClassName factory;
    private final TypeName state;
    private final NameAllocator constants = new NameAllocator();
    private final Map<MethodModel, String> resultConstants = new HashMap<>();
    private final Map<EventModel, String> payloadConstants = new HashMap<>();
    private String stateConstant;

    HandleWriter(ActorModel model) {
        this.model = model;
        this.handle = model.handleName();
        this.factory = handle.nestedClass("Factory");
        this.state = model.state().typeName();
    }

    JavaFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(handle)
                .addAnnotation(generatedAnnotation())
                .addOriginatingElement(model.contract())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ACTOR_HANDLE, state));
        addJavadoc(type);
        addFactoryConstant(type);
        addStateConstant(type);
        addResultConstants(type);
        model.events().ifPresent(events -> addPayloadConstants(type, events));
        addChannel(type);
        addOf(type);
        for (MethodModel method : model.methods()) {
            addCall(type, method);
        }
        addWithBaseVersion(type);
        model.events().ifPresent(events -> addListeners(type, events));
        addState(type);
        addMeta(type);
        addClose(type);
        addToString(type);
        addFactoryClass(type);
        return file(handle, type.build(), model);
    }

    private void addJavadoc(TypeSpec.Builder type) {
        type.addJavadoc("Client handle for the {@code $L} actor, {@link $T}.\n\n", model.name(), model.contractName())
                .addJavadoc("<p>Obtain one with {@link #of}; calls return futures, events and state arrive on the\n")
                .addJavadoc("client's event thread. Close it when done.\n");
    }

    private void addFactoryConstant(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(HANDLE_FACTORY, handle), "FACTORY",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Creates handles of this type; clients use it through {@link #of}.\n")
                .initializer("new $T()", factory)
                .build());
    }

    private void addStateConstant(TypeSpec.Builder type) {
        stateConstant = addJsonTypeConstant(type, "STATE", state);
    }

    /** One constant per result type; every void method shares one {@code VOID} constant. */
    private void addResultConstants(TypeSpec.Builder type) {
        String voidConstant = null;
        for (MethodModel method : model.methods()) {
            if (method.result().isPresent()) {
                resultConstants.put(method, addJsonTypeConstant(type, constantName(method.name()) + "_RESULT",
                        method.result().get().typeName()));
            } else {
                if (voidConstant == null) {
                    voidConstant = addJsonTypeConstant(type, "VOID", VOID);
                }
                resultConstants.put(method, voidConstant);
            }
        }
    }

    private void addPayloadConstants(TypeSpec.Builder type, EventsModel events) {
        for (EventModel event : events.events()) {
            payloadConstants.put(event, addJsonTypeConstant(type, constantName(event.name()) + "_PAYLOAD",
                    event.payload().type().typeName()));
        }
    }

    private String addJsonTypeConstant(TypeSpec.Builder type, String suggestedName, TypeName valueType) {
        String name = constants.newName(suggestedName);
        type.addField(FieldSpec.builder(jsonTypeOf(valueType), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(newJsonType(valueType))
                .build());
        return name;
    }

    private void addChannel(TypeSpec.Builder type) {
        type.addField(ACTOR_CHANNEL, "channel", Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(ACTOR_CHANNEL, "channel")
                .addStatement("this.channel = channel")
                .build());
    }

    private void addOf(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("of")
                .addJavadoc("Returns a handle to the {@code $L} instance {@code actorId}.\n", model.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(handle)
                .addParameter(ACTOR_CLIENT, "client")
                .addParameter(String.class, "actorId")
                .addStatement("return client.handle(FACTORY, actorId)")
                .build());
    }

    private void addCall(TypeSpec.Builder type, MethodModel method) {
        TypeName result = method.result().map(ValueType::typeName).orElse(VOID).box();
        String resultConstant = resultConstants.get(method);
        MethodSpec.Builder call = MethodSpec.methodBuilder(method.name())
                .addJavadoc("Calls {@link $T#$L}.\n", model.contractName(), method.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, result));
        if (method.input().isPresent()) {
            String parameter = method.input().get().name();
            call.addParameter(method.input().get().type().typeName(), parameter)
                    .addStatement("return channel.call($S, $T.requireNonNull($N, $S), $N)", method.name(), OBJECTS,
                            parameter, parameter, resultConstant);
        } else {
            call.addStatement("return channel.call($S, null, $N)", method.name(), resultConstant);
        }
        type.addMethod(call.build());
    }

    /** The conditional variant of every call: the same handle type over a channel that sends a base version. */
    private void addWithBaseVersion(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("withBaseVersion")
                .addJavadoc("Returns this handle with conditional calls: each is refused, and nothing runs, unless the\n")
                .addJavadoc("instance's state is at {@code baseVersion} (see {@link $T#version()}). The refusal is an\n",
                        STATE_VIEW)
                .addJavadoc("{@link $T} with code {@code CONFLICT}; its {@link $T#version()} is the\n",
                        RPC_EXCEPTION, RPC_EXCEPTION)
                .addJavadoc("current version. Listeners and state are this handle's; the returned handle need not be closed.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(handle)
                .addParameter(long.class, "baseVersion")
                .addStatement("return new $T(channel.withBaseVersion(baseVersion))", handle)
                .build());
    }

    private void addListeners(TypeSpec.Builder type, EventsModel events) {
        for (EventModel event : events.events()) {
            TypeName payload = event.payload().type().typeName();
            type.addMethod(MethodSpec.methodBuilder("on" + ActorReader.capitalize(event.name()))
                    .addJavadoc("Listens to the {@code $L} event. The first listener subscribes to the actor's events.\n",
                            event.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(SUBSCRIPTION)
                    .addParameter(ParameterizedTypeName.get(CONSUMER, WildcardTypeName.supertypeOf(payload)), "listener")
                    .addStatement("return channel.onEvent($S, $N, listener)", event.name(), payloadConstants.get(event))
                    .build());
        }
    }

    private void addState(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("state")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(STATE_VIEW, state))
                .addStatement("return channel.state($N)", stateConstant)
                .build());
    }

    private void addMeta(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("meta")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(HANDLE_META)
                .addStatement("return channel.meta()")
                .build());
    }

    private void addClose(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("channel.close()")
                .build());
    }

    private void addToString(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S + channel.meta().id() + $S", handle.simpleName() + "[" + model.name() + "/", "]")
                .build());
    }

    /** The nested {@code Factory} behind {@code FACTORY}: the actor name, the constructor and the state applier. */
    private void addFactoryClass(TypeSpec.Builder type) {
        type.addType(TypeSpec.classBuilder(factory)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(HANDLE_FACTORY, handle))
                .addMethod(MethodSpec.methodBuilder("actorName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return $S", model.name())
                        .build())
                .addMethod(MethodSpec.methodBuilder("create")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(handle)
                        .addParameter(ACTOR_CHANNEL, "channel")
                        .addStatement("return new $T(channel)", handle)
                        .build())
                .addMethod(MethodSpec.methodBuilder("stateApplier")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ApplierWriter.STATE_APPLIER, state))
                        .addStatement("return $T.INSTANCE", model.applierName())
                        .build())
                .build());
    }
}
