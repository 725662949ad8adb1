package dev.zocket.validation;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.json.DecodeException;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.spi.InputDecoder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decodes RPC input with the strict {@link JsonCodec} and validates it with Jakarta Bean
 * Validation, producing the Zocket error message on failure:
 *
 * <pre>
 * Validation failed for join: [name: must not be blank]
 * </pre>
 *
 * A missing input is reported as {@code [input: is required]}; violations are listed sorted by
 * path. Thread-safe if the validator is (Hibernate Validator's are).
 */
public final class ValidatingInputDecoder implements InputDecoder {

    private final JsonCodec json;
    private final Validator validator;

    public ValidatingInputDecoder(JsonCodec json, Validator validator) {
        this.json = Objects.requireNonNull(json, "json");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public <T> T decode(String method, JsonNode input, JsonType<T> type) {
        T value;
        try {
            value = json.decode(input, type);
        } catch (DecodeException e) {
            throw failure(method, "[" + Violations.describe(e) + "]");
        }
        if (value == null) {
            throw failure(method, "[input: is required]");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw failure(method, Violations.format(violations));
        }
        return value;
    }

    private static RpcException failure(String method, String details) {
        return new RpcException(ErrorCode.BAD_REQUEST, "Validation failed for " + method + ": " + details);
    }
}
