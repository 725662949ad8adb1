package dev.zocket.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The persistent lists and maps as the rest of the world sees them: Java, Jackson, Bean Validation. */
class PersistentCollectionsInteropTest {

    record Item(@NotBlank String name, int size) {}

    record Board(List<@Valid Item> items, Map<String, @Valid Item> byName) {}

    private static final JsonCodec CODEC = JsonCodec.standard();

    /** Long enough for a tree three levels deep. */
    private static Board board(int count) {
        List<Item> items = List.of();
        Map<String, Item> byName = Map.of();
        for (int i = 0; i < count; i++) {
            Item item = new Item("item" + i, i);
            items = ImmutableLists.append(items, item);
            byName = ImmutableMaps.put(byName, item.name(), item);
        }
        return new Board(items, byName);
    }

    @Test
    void equalsAndHashCodeAgreeWithTheJdkCollections() {
        Board board = board(1_500);
        List<Item> copy = new ArrayList<>(board.items());
        assertEquals(copy, board.items());
        assertEquals(board.items(), copy);
        assertEquals(List.copyOf(copy), board.items());
        assertEquals(copy.hashCode(), board.items().hashCode());
        assertEquals(copy.subList(10, 900), board.items().subList(10, 900));
        assertNotEquals(copy, ImmutableLists.set(board.items(), 700, new Item("other", 0)));

        Map<String, Item> mapCopy = new LinkedHashMap<>(board.byName());
        assertEquals(mapCopy, board.byName());
        assertEquals(board.byName(), mapCopy);
        assertEquals(mapCopy.hashCode(), board.byName().hashCode());
        assertEquals(List.copyOf(mapCopy.keySet()), List.copyOf(board.byName().keySet()));
    }

    @Test
    void jacksonWritesThemAsArraysAndObjectsAndReadsThemBack() {
        Board board = board(1_500);
        String json = CODEC.toJson(board);
        assertEquals(CODEC.toJson(new Board(new ArrayList<>(board.items()), new LinkedHashMap<>(board.byName()))), json);
        assertTrue(json.startsWith("{\"items\":[{\"name\":\"item0\",\"size\":0},{\"name\":\"item1\""), json.substring(0, 80));

        Board decoded = CODEC.decode(CODEC.parse(json), JsonType.of(Board.class));
        assertEquals(board, decoded);
        assertEquals(List.copyOf(board.byName().keySet()), List.copyOf(decoded.byName().keySet()));

        // what Jackson decodes is an ordinary list; the helpers take it as it is
        List<Item> appended = ImmutableLists.append(decoded.items(), new Item("last", 1));
        assertEquals(1_501, appended.size());
        assertSame(decoded.items().get(1_499), appended.get(1_499));
        Map<String, Item> put = ImmutableMaps.put(decoded.byName(), "last", new Item("last", 1));
        assertEquals("last", List.copyOf(put.keySet()).get(1_500));
    }

    @Test
    void cascadedValidationReachesEveryElement() {
        Validator validator = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        Board board = board(1_500);
        assertTrue(validator.validate(board).isEmpty());

        Board broken = new Board(ImmutableLists.set(board.items(), 1_234, new Item(" ", 0)),
                ImmutableMaps.put(board.byName(), "item77", new Item("", 0)));
        Set<String> paths = validator.validate(broken).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
        assertEquals(Set.of("items[1234].name", "byName[item77].name"), paths);
    }
}
