package test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.zocket.Actor;

@Actor("secret")
public interface ErroneousJsonIgnoreInState {
    record State(int count, @JsonIgnore String secret) {}
}
