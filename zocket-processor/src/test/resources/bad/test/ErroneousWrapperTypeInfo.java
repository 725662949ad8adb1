package test;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.zocket.Actor;

@Actor("wrapped")
public interface ErroneousWrapperTypeInfo {
    record State(Shape shape) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}
}
