package test;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.zocket.Actor;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

@Actor("bundled")
public interface ErroneousBundledJsonIgnore {
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonIgnore
    @interface Hidden {}

    record State(int count, @Hidden String secret) {}
}
