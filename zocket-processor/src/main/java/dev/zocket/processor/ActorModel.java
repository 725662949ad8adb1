package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Everything the writers need to know about one valid {@code @Actor} contract.
 *
 * @param contract the annotated interface
 * @param name the actor name on the wire
 * @param state the state record
 * @param stateRecords every record reachable from the state, the state first
 * @param stateHasNoArgConstructor whether a fresh state is {@code new State()}
 * @param methods the RPC methods in declaration order
 * @param events the {@code @Events} interface, if declared
 * @param access the role rules of its Jakarta security annotations
 * @param view the {@code @View} and {@code @View.Audience} methods, if declared
 */
record ActorModel(TypeElement contract, ClassName contractName, String name, RecordType state,
        List<RecordType> stateRecords, boolean stateHasNoArgConstructor, List<MethodModel> methods, Optional<EventsModel> events,
        AccessModel access, Optional<ViewModel> view) {

    /**
     * A contract's views: both static methods, and the audience key type, boxed.
     */
    record ViewModel(ExecutableElement audience, ExecutableElement view, TypeName key) {}

    /**
     * One RPC method.
     *
     * @param input the parameter, if the method takes one
     * @param result the result type, or empty for {@code void} (and {@code CompletionStage<Void>})
     * @param async whether the method returns a {@code CompletionStage}
     * @param declaresExceptions whether the method has a {@code throws} clause
     */
    record MethodModel(String name, Optional<Parameter> input, Optional<ValueType> result, boolean async,
            boolean declaresExceptions) {}

    /** A method or event parameter: a {@link RecordType} or a {@link SealedType} of records. */
    record Parameter(String name, ValueType type) {}

    /** The {@code @Events} interface and its events in declaration order. */
    record EventsModel(ClassName typeName, List<EventModel> events) {}

    /** One event: the method name is the event name, the parameter the payload. */
    record EventModel(ExecutableElement element, String name, Parameter payload) {}

    /** The names of the generated types, one documented scheme for all of them. */
    ClassName handleName() {
        return generated("Handle");
    }

    ClassName dispatcherName() {
        return generated("Dispatcher");
    }

    ClassName emitterName() {
        return generated("Emitter");
    }

    ClassName differName() {
        return generated("StateDiffer");
    }

    ClassName applierName() {
        return generated("StateApplier");
    }

    ClassName viewsName() {
        return generated("StateViews");
    }

    ClassName bindingName() {
        return generated("Binding");
    }

    private ClassName generated(String suffix) {
        return generatedName(contractName, suffix);
    }

    /** {@code com.x.Outer.Chat} with suffix {@code Handle} is {@code com.x.OuterChatHandle}. */
    static ClassName generatedName(ClassName owner, String suffix) {
        return ClassName.get(owner.packageName(), String.join("", owner.simpleNames()) + suffix);
    }

    /** The withers interface generated for a state record. */
    static ClassName withersName(RecordType record) {
        return generatedName(record.typeName(), "Withers");
    }
}
