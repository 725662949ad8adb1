package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.TypeElement;

/**
 * A record in an actor contract. Its components are filled in after construction so that
 * recursive records ({@code record Node(List<Node> children)}) can refer to themselves.
 */
final class RecordType implements ValueType {

    /**
     * One record component.
     *
     * @param name the Java name, which is also the accessor name
     * @param jsonName the member name on the wire ({@code @JsonProperty} may rename it)
     */
    record Component(String name, String jsonName, ValueType type) {}

    private final TypeElement element;
    private final ClassName typeName;
    private final boolean arrayShaped;
    private List<Component> components = List.of();

    RecordType(TypeElement element, boolean arrayShaped) {
        this.element = element;
        this.typeName = ClassName.get(element);
        this.arrayShaped = arrayShaped;
    }

    TypeElement element() {
        return element;
    }

    @Override
    public ClassName typeName() {
        return typeName;
    }

    /** Whether the record is written as a JSON array ({@code @JsonFormat(shape = ARRAY)}). */
    boolean arrayShaped() {
        return arrayShaped;
    }

    List<Component> components() {
        return components;
    }

    void setComponents(List<Component> components) {
        this.components = List.copyOf(components);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    /** Enclosing simple names joined, for generated names: {@code ChatRoom.State} is {@code ChatRoomState}. */
    String flatName() {
        return String.join("", typeName.simpleNames());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordType other && typeName.equals(other.typeName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeName);
    }

    @Override
    public String toString() {
        return typeName.canonicalName();
    }
}
