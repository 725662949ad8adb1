package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import dev.zocket.processor.ActorModel.EventModel;
import dev.zocket.processor.ActorModel.EventsModel;
import dev.zocket.processor.ActorModel.MethodModel;
import dev.zocket.processor.ActorModel.Parameter;
import dev.zocket.processor.TypeResolver.Use;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks an {@code @Actor} interface and builds its {@link ActorModel}. Every problem is
 * reported on the element it concerns; the contract yields a model only if none was found.
 */
final class ActorReader {

    private static final Pattern ACTOR_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

    /** Names the generated handle already uses, with what they are, for collision messages. */
    private static final Map<String, String> RESERVED_METHOD_NAMES = Map.ofEntries(
            Map.entry("of", "the static factory of(client, actorId)"),
            Map.entry("state", "state(), the state view"),
            Map.entry("meta", "meta(), the handle's identity"),
            Map.entry("close", "close(), which releases the handle"),
            Map.entry("withBaseVersion", "withBaseVersion(long), the conditional variant of every call"),
            Map.entry("toString", "java.lang.Object.toString()"),
            Map.entry("hashCode", "java.lang.Object.hashCode()"),
            Map.entry("equals", "java.lang.Object.equals()"),
            Map.entry("getClass", "java.lang.Object.getClass()"),
            Map.entry("notify", "java.lang.Object.notify()"),
            Map.entry("notifyAll", "java.lang.Object.notifyAll()"),
            Map.entry("wait", "java.lang.Object.wait()"),
            Map.entry("clone", "java.lang.Object.clone()"),
            Map.entry("finalize", "java.lang.Object.finalize()"));

    private final ProcessingEnvironment env;
    private final Elements elements;
    private final Reporter reporter;
    private final Map<String, String> actorNames;
    private final Set<String> generatedTypes;
    private final boolean finalRound;

    /**
     * @param actorNames actor names already taken in this compilation, mapped to their contract
     * @param generatedTypes the types this processor has generated, so they are not collisions
     */
    ActorReader(ProcessingEnvironment env, Reporter reporter, Map<String, String> actorNames,
            Set<String> generatedTypes, boolean finalRound) {
        this.env = env;
        this.elements = env.getElementUtils();
        this.reporter = reporter;
        this.actorNames = actorNames;
        this.generatedTypes = generatedTypes;
        this.finalRound = finalRound;
    }

    /**
     * @throws TypeResolver.Deferred if the contract refers to a type that is not generated yet
     */
    Optional<ActorModel> read(TypeElement contract) {
        int errorsBefore = reporter.errorCount();
        AnnotationMirror actor = Annotations.find(contract, Annotations.ACTOR).orElseThrow();
        if (contract.getKind() != ElementKind.INTERFACE) {
            reporter.error(contract, Message.ACTOR_NOT_INTERFACE, contract.getSimpleName(),
                    contract.getKind().toString().toLowerCase().replace('_', ' '));
            return Optional.empty();
        }
        checkPublic(contract);
        if (!contract.getTypeParameters().isEmpty()) {
            reporter.error(contract.getTypeParameters().get(0), Message.ACTOR_GENERIC, contract.getSimpleName());
        }
        String name = readName(contract, actor);
        TypeResolver resolver = new TypeResolver(elements, env.getTypeUtils(), reporter, finalRound);

        TypeElement stateElement = findState(contract, actor);
        RecordType state = null;
        if (stateElement != null) {
            ValueType resolved = resolver.resolve(stateElement.asType(), Use.STATE,
                    "The state of actor " + contract.getSimpleName(), stateElement);
            state = (RecordType) resolved;
        }
        Optional<EventsModel> events = readEvents(contract, resolver);
        List<MethodModel> methods = readMethods(contract, resolver);
        events.ifPresent(e -> checkListenerCollisions(e, methods));

        CascadeCheck cascade = new CascadeCheck(reporter);
        methods.forEach(m -> m.input().ifPresent(input -> cascade.check(input.type())));
        events.ifPresent(e -> e.events().forEach(event -> cascade.check(event.payload().type())));

        AccessModel access = readAccess(contract, methods, events, resolver);

        ClassName contractName = ClassName.get(contract);
        if (reporter.errorCount() != errorsBefore || state == null) {
            return Optional.empty();
        }
        Optional<ActorModel.ViewModel> view = new ViewReader(env, reporter).read(contract, stateElement);
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        ActorModel model = new ActorModel(contract, contractName, name, state, resolver.recordsSeen(Use.STATE),
                hasNoArgConstructor(stateElement), methods, events, access, view);
        checkGeneratedNames(model);
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        actorNames.put(name, contract.getQualifiedName().toString());
        return Optional.of(model);
    }

    private void checkPublic(TypeElement contract) {
        for (Element e = contract; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error(contract, Message.ACTOR_NOT_PUBLIC, contract.getSimpleName());
                return;
            }
        }
    }

    private String readName(TypeElement contract, AnnotationMirror actor) {
        AnnotationValue value = Annotations.value(elements, actor, "value");
        String name = (String) value.getValue();
        if (!ACTOR_NAME.matcher(name).matches()) {
            reporter.error(contract, actor, value, Message.ACTOR_NAME_INVALID, name);
        } else {
            String owner = actorNames.get(name);
            if (owner != null && !owner.equals(contract.getQualifiedName().toString())) {
                reporter.error(contract, actor, value, Message.ACTOR_NAME_DUPLICATE, name, owner);
            }
        }
        return name;
    }

    private TypeElement findState(TypeElement contract, AnnotationMirror actor) {
        AnnotationValue explicit = Annotations.explicitValue(actor, "state");
        if (explicit != null) {
            TypeMirror type = (TypeMirror) explicit.getValue();
            if (type.getKind() == TypeKind.ERROR && !finalRound) {
                throw new TypeResolver.Deferred();
            }
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            if (!element.getQualifiedName().contentEquals("java.lang.Record")) {
                return element;
            }
        }
        for (TypeElement nested : ElementFilter.typesIn(contract.getEnclosedElements())) {
            if (nested.getSimpleName().contentEquals("State")) {
                if (nested.getKind() != ElementKind.RECORD) {
                    reporter.error(nested, Message.STATE_NOT_RECORD, contract.getSimpleName(), "State",
                            nested.getKind().toString().toLowerCase());
                    return null;
                }
                return nested;
            }
        }
        reporter.error(contract, Message.STATE_MISSING, contract.getSimpleName());
        return null;
    }

    private Optional<EventsModel> readEvents(TypeElement contract, TypeResolver resolver) {
        Optional<TypeElement> declared = findEventsInterface(contract);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Map<String, EventModel> events = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(declared.get().getEnclosedElements())) {
            if (method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            String eventName = method.getSimpleName().toString();
            if (!isEventShaped(method)) {
                reporter.error(method, Message.EVENT_SIGNATURE, eventName, eventName, capitalize(eventName));
            } else if (events.containsKey(eventName)) {
                reporter.error(method, Message.EVENT_DUPLICATE_NAME, eventName);
            } else {
                readPayload(method, resolver).ifPresent(event -> events.put(eventName, event));
            }
        }
        return Optional.of(new EventsModel(ClassName.get(declared.get()), List.copyOf(events.values())));
    }

    /**
     * The one nested interface named {@code Events} or annotated {@code @Events}; empty, with an
     * error, if there are several.
     */
    private Optional<TypeElement> findEventsInterface(TypeElement contract) {
        List<TypeElement> declared = new ArrayList<>();
        for (TypeElement nested : ElementFilter.typesIn(contract.getEnclosedElements())) {
            boolean byConvention = nested.getKind() == ElementKind.INTERFACE && nested.getSimpleName().contentEquals("Events");
            if (byConvention || Annotations.find(nested, Annotations.EVENTS).isPresent()) {
                declared.add(nested);
            }
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        if (declared.size() > 1) {
            reporter.error(declared.get(1), Message.EVENTS_MULTIPLE, contract.getSimpleName(),
                    declared.get(0).getSimpleName(), declared.get(1).getSimpleName());
            return Optional.empty();
        }
        if (declared.get(0).getKind() != ElementKind.INTERFACE) {
            return Optional.empty(); // reported by the processor for every @Events element
        }
        return Optional.of(declared.get(0));
    }

    /** The event of a well-shaped event method, if its payload type resolves. */
    private Optional<EventModel> readPayload(ExecutableElement method, TypeResolver resolver) {
        String eventName = method.getSimpleName().toString();
        VariableElement parameter = method.getParameters().get(0);
        ValueType payload = resolver.resolve(parameter.asType(), Use.MESSAGE,
                "Payload " + parameter.getSimpleName() + " of event " + eventName, parameter);
        if (payload instanceof RecordType || payload instanceof SealedType) {
            return Optional.of(new EventModel(method, eventName, new Parameter(parameter.getSimpleName().toString(), payload)));
        }
        return Optional.empty();
    }

    /** Returns void and takes one record, the payload; not a default method, not generic. */
    private boolean isEventShaped(ExecutableElement method) {
        List<? extends VariableElement> parameters = method.getParameters();
        return method.getReturnType().getKind() == TypeKind.VOID && parameters.size() == 1
                && !method.getModifiers().contains(Modifier.DEFAULT) && method.getTypeParameters().isEmpty()
                && isRecordOrUnresolved(parameters.get(0).asType());
    }

    private List<MethodModel> readMethods(TypeElement contract, TypeResolver resolver) {
        Map<String, MethodModel> methods = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ExecutableElement method : declaredMethods(contract)) {
            if (method.getModifiers().contains(Modifier.STATIC)) {
                continue; // static helpers are not RPC methods
            }
            String name = method.getSimpleName().toString();
            if (method.getModifiers().contains(Modifier.DEFAULT)) {
                reporter.error(method, Message.METHOD_HAS_BODY, name);
                continue;
            }
            if (RESERVED_METHOD_NAMES.containsKey(name)) {
                reporter.error(method, Message.METHOD_NAME_RESERVED, name, RESERVED_METHOD_NAMES.get(name));
                continue;
            }
            if (!seen.add(name)) {
                reporter.error(method, Message.METHOD_DUPLICATE_NAME, name);
                continue;
            }
            if (!method.getTypeParameters().isEmpty()) {
                reporter.error(method.getTypeParameters().get(0), Message.METHOD_GENERIC, name);
                continue;
            }
            readMethod(method, name, resolver).ifPresent(model -> methods.put(name, model));
        }
        return List.copyOf(methods.values());
    }

    /** The methods of the contract in source order, then those of its superinterfaces. */
    private List<ExecutableElement> declaredMethods(TypeElement contract) {
        List<ExecutableElement> methods = new ArrayList<>(ElementFilter.methodsIn(contract.getEnclosedElements()));
        for (TypeMirror parent : contract.getInterfaces()) {
            if (parent.getKind() == TypeKind.DECLARED) {
                methods.addAll(declaredMethods((TypeElement) ((DeclaredType) parent).asElement()));
            }
        }
        return methods;
    }

    private Optional<MethodModel> readMethod(ExecutableElement method, String name, TypeResolver resolver) {
        int errorsBefore = reporter.errorCount();
        List<? extends VariableElement> parameters = method.getParameters();
        Optional<Parameter> input = Optional.empty();
        if (parameters.size() > 1) {
            reporter.error(parameters.get(1), Message.METHOD_TOO_MANY_PARAMETERS, name, parameters.size(),
                    capitalize(name) + "Input");
        } else if (parameters.size() == 1) {
            VariableElement parameter = parameters.get(0);
            TypeMirror type = parameter.asType();
            if (!isRecordOrUnresolved(type)) {
                String written = TypeResolver.simpleName(type);
                reporter.error(parameter, Message.METHOD_PARAMETER_NOT_RECORD, parameter.getSimpleName(), name,
                        written, capitalize(name) + "Input", written, parameter.getSimpleName());
            } else {
                ValueType resolved = resolver.resolve(type, Use.INPUT,
                        "Parameter " + parameter.getSimpleName() + " of method " + name, parameter);
                if (resolved instanceof RecordType || resolved instanceof SealedType) {
                    input = Optional.of(new Parameter(parameter.getSimpleName().toString(), resolved));
                }
            }
        }
        TypeMirror returnType = method.getReturnType();
        Optional<ValueType> result = Optional.empty();
        boolean async = false;
        if (isCompletionStage(returnType)) {
            async = true;
            List<? extends TypeMirror> arguments = ((DeclaredType) returnType).getTypeArguments();
            if (arguments.isEmpty()) {
                reporter.error(method, Message.METHOD_RESULT_RAW, name, ((DeclaredType) returnType).asElement().getSimpleName());
            } else if (!isVoidClass(arguments.get(0))) {
                result = Optional.ofNullable(resolver.resolve(arguments.get(0), Use.MESSAGE, "The result of method " + name, method));
            }
        } else if (returnType.getKind() != TypeKind.VOID) {
            result = Optional.ofNullable(resolver.resolve(returnType, Use.MESSAGE, "The result of method " + name, method));
        }
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new MethodModel(name, input, result, async, !method.getThrownTypes().isEmpty()));
    }

    /**
     * The contract's role rules; reports security annotations where they mean nothing: on the
     * events interface and on the records the contract uses.
     */
    private AccessModel readAccess(TypeElement contract, List<MethodModel> methods, Optional<EventsModel> events,
            TypeResolver resolver) {
        AccessReader reader = new AccessReader(elements, reporter);
        events.map(e -> elements.getTypeElement(e.typeName().canonicalName())).ifPresent(reader::checkEvents);
        Set<TypeElement> records = new LinkedHashSet<>();
        for (Use use : Use.values()) {
            resolver.recordsSeen(use).forEach(record -> records.add(record.element()));
        }
        records.forEach(reader::checkRecord);
        Set<String> names = new HashSet<>();
        methods.forEach(m -> names.add(m.name()));
        List<ExecutableElement> rpcMethods = new ArrayList<>();
        for (ExecutableElement method : declaredMethods(contract)) {
            if (names.remove(method.getSimpleName().toString())) {
                rpcMethods.add(method);
            }
        }
        return reader.read(contract, rpcMethods);
    }

    private void checkListenerCollisions(EventsModel events, List<MethodModel> methods) {
        for (EventModel event : events.events()) {
            String listener = "on" + capitalize(event.name());
            for (MethodModel method : methods) {
                if (method.name().equals(listener)) {
                    reporter.error(event.element(), Message.EVENT_LISTENER_COLLISION, event.name(), listener);
                }
            }
        }
    }

    private void checkGeneratedNames(ActorModel model) {
        List<ClassName> names = new ArrayList<>(List.of(model.handleName(), model.dispatcherName(),
                model.emitterName(), model.differName(), model.bindingName()));
        if (model.view().isPresent()) {
            names.add(model.viewsName());
        }
        for (ClassName name : names) {
            String qualified = name.canonicalName();
            if (!generatedTypes.contains(qualified) && elements.getTypeElement(qualified) != null) {
                reporter.error(model.contract(), Message.GENERATED_NAME_COLLISION, qualified,
                        model.contract().getSimpleName());
            }
        }
    }

    private static boolean hasNoArgConstructor(TypeElement record) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(record.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    /** A record, a sealed interface (the resolver checks its variants), or a type not generated yet. */
    private boolean isRecordOrUnresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        Element element = ((DeclaredType) type).asElement();
        return element.getKind() == ElementKind.RECORD
                || (element.getKind() == ElementKind.INTERFACE && element.getModifiers().contains(Modifier.SEALED));
    }

    private static boolean isCompletionStage(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return name.equals("java.util.concurrent.CompletionStage")
                || name.equals("java.util.concurrent.CompletableFuture");
    }

    private static boolean isVoidClass(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Void");
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
