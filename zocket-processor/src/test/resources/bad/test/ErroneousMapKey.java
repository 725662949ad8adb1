package test;

import dev.zocket.Actor;
import java.util.Map;

@Actor("scores")
public interface ErroneousMapKey {
    record State(Map<Double, String> byScore) {}
}
