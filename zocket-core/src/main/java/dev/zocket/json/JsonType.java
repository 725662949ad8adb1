package dev.zocket.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A Java type to decode JSON into, including generic types.
 *
 * <pre>{@code
 * JsonType<Message> one = JsonType.of(Message.class);
 * JsonType<List<Message>> many = new JsonType<>() {};
 * }</pre>
 *
 * @param <T> the decoded type
 */
public abstract class JsonType<T> {

    private final Type type;

    /** Captures the type argument of an anonymous subclass: {@code new JsonType<List<X>>() {}}. */
    protected JsonType() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("JsonType must be created with a type argument, e.g. new JsonType<List<String>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private JsonType(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> JsonType<T> of(Class<T> type) {
        return new JsonType<>(type) {};
    }

    /** The reflected type; used by the codec to build a decoder once. */
    public Type type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonType<?> other && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
