package test;

import dev.zocket.Actor;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

@Actor("draw")
public interface ErroneousMissingValid {
    record State(int count) {}
    record Stroke(@NotBlank String color) {}
    record Draw(List<Stroke> strokes) {}

    void draw(Draw input);
}
