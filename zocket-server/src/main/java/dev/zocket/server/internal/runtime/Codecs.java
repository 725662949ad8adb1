package dev.zocket.server.internal.runtime;

import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.spi.InputDecoder;
import dev.zocket.validation.ValidatingInputDecoder;
import jakarta.validation.Validator;
import java.util.Objects;

/** The codecs and the validator a server shares among all its actors. */
public final class Codecs {

    private final JsonCodec json;
    private final ProtocolCodec protocol;
    private final Validator validator;
    private final InputDecoder inputs;

    public Codecs(JsonCodec json, Validator validator) {
        this.json = Objects.requireNonNull(json, "json");
        this.protocol = new ProtocolCodec(json);
        this.validator = Objects.requireNonNull(validator, "validator");
        this.inputs = new ValidatingInputDecoder(json, validator);
    }

    public JsonCodec json() {
        return json;
    }

    public ProtocolCodec protocol() {
        return protocol;
    }

    public Validator validator() {
        return validator;
    }

    InputDecoder inputs() {
        return inputs;
    }

    /** Encodes a message once, for any number of recipients. */
    public OutgoingMessage encode(ServerMessage message) {
        return new OutgoingMessage(message.type(), protocol.encode(message));
    }
}
