package test;

import dev.zocket.Actor;

@Actor("names")
public interface ErroneousObjectArray {
    record State(String[] names) {}
}
