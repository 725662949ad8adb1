package test;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.zocket.Actor;
import java.util.Map;

@Actor("colors")
public interface ErroneousEnumKeyJsonValue {
    record State(Map<Color, Integer> counts) {}

    enum Color {
        RED, GREEN;

        @JsonValue
        String code() {
            return name().substring(0, 1);
        }
    }
}
