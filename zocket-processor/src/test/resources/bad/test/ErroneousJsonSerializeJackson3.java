package test;

import dev.zocket.Actor;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

@Actor("serialized")
public interface ErroneousJsonSerializeJackson3 {
    record State(@JsonSerialize(using = ToStringSerializer.class) int messageCount) {}
}
