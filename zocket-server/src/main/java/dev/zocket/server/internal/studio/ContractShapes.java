package dev.zocket.server.internal.studio;

import dev.zocket.json.JsonCodec;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.MethodDescriptor;
import dev.zocket.spi.NoEvents;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Describes a contract for Studio: its methods with their input and result, its events and its
 * state record, as JSON. Read by reflection from the classes the generated binding names (the
 * contract, its state record, its events interface), so the processor and the generated code
 * stay as they are.
 *
 * <p>A type is described as {@code "string"}, {@code "number"}, {@code "boolean"}, {@code
 * {"enum": [...]}} (the constants as they travel), {@code {"record": name, "fields": {...}}},
 * {@code {"list": type}}, {@code {"map": type}}, {@code {"optional": type}}, or, for a record
 * already being described higher up, {@code {"ref": name}}; anything else by its simple name.
 */
final class ContractShapes {

    private final JsonCodec json;

    ContractShapes(JsonCodec json) {
        this.json = json;
    }

    ObjectNode describe(ActorBinding<?, ?, ?> binding) {
        ObjectNode actor = json.nodes().objectNode();
        actor.put("name", binding.actorName());
        actor.put("contract", binding.contract().getName());
        ArrayNode methods = actor.putArray("methods");
        for (MethodDescriptor descriptor : binding.methods()) {
            methods.add(method(binding.contract(), descriptor.name()));
        }
        ArrayNode events = actor.putArray("events");
        Class<?> eventsInterface = eventsInterface(binding);
        if (eventsInterface != null) {
            for (Method event : eventsInterface.getMethods()) {
                if (!event.isDefault() && !Modifier.isStatic(event.getModifiers())) {
                    ObjectNode entry = events.addObject();
                    entry.put("name", event.getName());
                    entry.set("payload", event.getParameterCount() == 1
                            ? type(event.getGenericParameterTypes()[0], new HashSet<>()) : json.nodes().nullNode());
                }
            }
        }
        actor.set("state", type(binding.initialState().getClass(), new HashSet<>()));
        actor.put("views", binding.views() != null);
        return actor;
    }

    private ObjectNode method(Class<?> contract, String name) {
        ObjectNode entry = json.nodes().objectNode();
        entry.put("name", name);
        for (Method method : contract.getMethods()) {
            if (method.getName().equals(name) && !method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
                Type[] parameters = method.getGenericParameterTypes();
                entry.set("input", parameters.length == 1 ? type(parameters[0], new HashSet<>()) : json.nodes().nullNode());
                entry.set("result", type(method.getGenericReturnType(), new HashSet<>()));
                break;
            }
        }
        return entry;
    }

    /** The binding's third type argument, or {@code null} for {@link NoEvents}. */
    private static Class<?> eventsInterface(ActorBinding<?, ?, ?> binding) {
        for (Class<?> type = binding.getClass(); type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == ActorBinding.class
                        && parameterized.getActualTypeArguments()[2] instanceof Class<?> events
                        && events != NoEvents.class) {
                    return events;
                }
            }
        }
        return null;
    }

    private JsonNode type(Type type, Set<Class<?>> enclosing) {
        if (type instanceof WildcardType wildcard) {
            return type(wildcard.getUpperBounds()[0], enclosing);
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return wrap("list", type(arguments[0], enclosing));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return wrap("map", type(arguments[1], enclosing));
            }
            if (raw == Optional.class) {
                return wrap("optional", type(arguments[0], enclosing));
            }
            if (CompletionStage.class.isAssignableFrom(raw)) {
                return type(arguments[0], enclosing);
            }
            return type(raw, enclosing);
        }
        if (!(type instanceof Class<?> raw)) {
            return json.nodes().stringNode(type.getTypeName());
        }
        if (raw == void.class || raw == Void.class) {
            return json.nodes().nullNode();
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return json.nodes().stringNode("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return json.nodes().stringNode("boolean");
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return json.nodes().stringNode("number");
        }
        if (raw.isArray()) {
            return wrap("list", type(raw.getComponentType(), enclosing));
        }
        if (raw.isEnum()) {
            ObjectNode described = json.nodes().objectNode();
            ArrayNode constants = described.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                constants.add(json.toTree(constant));
            }
            return described;
        }
        if (raw.isRecord()) {
            ObjectNode described = json.nodes().objectNode();
            if (!enclosing.add(raw)) {
                described.put("ref", raw.getSimpleName());
                return described;
            }
            described.put("record", raw.getSimpleName());
            ObjectNode fields = described.putObject("fields");
            for (RecordComponent component : raw.getRecordComponents()) {
                fields.set(component.getName(), type(component.getGenericType(), enclosing));
            }
            enclosing.remove(raw);
            return described;
        }
        return json.nodes().stringNode(raw.getSimpleName());
    }

    private JsonNode wrap(String kind, JsonNode element) {
        ObjectNode described = json.nodes().objectNode();
        described.set(kind, element);
        return described;
    }
}
