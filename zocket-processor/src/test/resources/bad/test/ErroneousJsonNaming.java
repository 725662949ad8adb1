package test;

import dev.zocket.Actor;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@Actor("snake")
public interface ErroneousJsonNaming {
    record State(Stats stats) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Stats(int messageCount) {}
}
