package test;

import dev.zocket.Actor;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

@Actor("shapes")
public interface ErroneousMissingValidOnSealed {
    record State() {}

    sealed interface Shape permits Circle, Dot {}

    record Circle(@PositiveOrZero double radius) implements Shape {}

    record Dot() implements Shape {}

    record Draw(List<Shape> shapes) {}

    void draw(Draw input);
}
