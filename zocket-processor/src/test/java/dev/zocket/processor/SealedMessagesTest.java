package dev.zocket.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.RpcException;
import dev.zocket.json.JsonCodec;
import dev.zocket.processor.fixtures.Catalog;
import dev.zocket.processor.fixtures.CatalogBinding;
import dev.zocket.spi.InputDecoder;
import dev.zocket.spi.MethodDispatcher;
import dev.zocket.spi.MethodResult;
import dev.zocket.validation.ValidatingInputDecoder;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Sealed interfaces as method inputs and results, through the generated dispatcher: decoded by
 * their discriminator, validated by Hibernate Validator down into the variant (also inside maps),
 * and written back with the discriminator.
 */
class SealedMessagesTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final InputDecoder INPUTS = new ValidatingInputDecoder(JSON, Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator());

    /** Echoes what it is given. */
    static final class CatalogActor implements Catalog {
        @Override
        public void touch() {}

        @Override
        public Shape draw(Draw input) {
            return input.shape();
        }

        @Override
        public Shape place(Shape input) {
            return input;
        }
    }

    private static String call(String method, String input) throws Exception {
        MethodDispatcher<Catalog> dispatcher = CatalogBinding.INSTANCE.dispatcher();
        Object decoded = dispatcher.decode(method, JSON.parse(input), INPUTS);
        MethodResult result = dispatcher.invoke(new CatalogActor(), method, decoded);
        return JSON.toJson(((MethodResult.Value) result).value());
    }

    @Test
    void aSealedInputIsDecodedByItsDiscriminatorAndTheResultCarriesIt() throws Exception {
        assertEquals("{\"type\":\"Circle\",\"radius\":2.0,\"label\":\"sun\"}",
                call("place", "{\"type\":\"Circle\",\"radius\":2,\"label\":\"sun\"}"));
        assertEquals("{\"type\":\"Blank\"}", call("draw", "{\"shape\":{\"type\":\"Blank\"},\"byKind\":{}}"));
    }

    @Test
    void constraintsOfTheVariantAreValidated() {
        RpcException failure = assertThrows(RpcException.class,
                () -> call("place", "{\"type\":\"Circle\",\"radius\":-1,\"label\":\"sun\"}"));
        assertEquals("Validation failed for place: [radius: must be greater than or equal to 0]", failure.getMessage());
    }

    @Test
    void validationCascadesIntoSealedValuesInMapsAndIntoSetsAndSortedMaps() {
        RpcException failure = assertThrows(RpcException.class, () -> call("draw", "{\"shape\":{\"type\":\"Blank\"},"
                + "\"byKind\":{\"dark-blue\":{\"type\":\"Circle\",\"radius\":1,\"label\":\"far too long a label\"}},"
                + "\"tags\":[\"\"],\"notes\":{\"5\":\" \"}}"));
        assertEquals("Validation failed for draw: [byKind[BLUE].label: size must be between 0 and 10,"
                + " notes[5]: must not be blank, tags: must not be blank]",
                failure.getMessage());
    }

    @Test
    void anUnknownVariantIsABadRequest() {
        RpcException failure = assertThrows(RpcException.class, () -> call("place", "{\"type\":\"Hexagon\"}"));
        assertEquals("Validation failed for place: [input: expected a different value]", failure.getMessage());
    }
}
