package test;

import dev.zocket.Actor;
import java.util.concurrent.CompletionStage;

@Actor("counter")
public interface ErroneousRawStage {
    record State(int count) {}

    @SuppressWarnings("rawtypes")
    CompletionStage later();
}
