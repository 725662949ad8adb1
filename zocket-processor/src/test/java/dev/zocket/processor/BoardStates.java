package dev.zocket.processor;

import static dev.zocket.state.ImmutableLists.append;
import static dev.zocket.state.ImmutableLists.appendAll;
import static dev.zocket.state.ImmutableLists.removeAt;
import static dev.zocket.state.ImmutableLists.removeIf;
import static dev.zocket.state.ImmutableLists.update;

import dev.zocket.processor.fixtures.Board;
import dev.zocket.processor.fixtures.Board.Group;
import dev.zocket.processor.fixtures.Board.Item;
import dev.zocket.processor.fixtures.Board.Kind;
import dev.zocket.processor.fixtures.Board.Point;
import dev.zocket.processor.fixtures.Board.State;
import dev.zocket.state.ImmutableMaps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random {@link Board.State}s and random edits of them. Edits work the way handlers do, through
 * withers and the immutable collection helpers, so unchanged parts stay the same references.
 */
final class BoardStates {

    private static final String[] KEYS = {"a", "b", "c", "d", "a/b", "t~1", "", "e f", "é"};

    private final Random random;

    BoardStates(long seed) {
        this.random = new Random(seed);
    }

    State state() {
        int size = random.nextInt(10) == 0 ? 200 + random.nextInt(800) : random.nextInt(12);
        return new State(
                random.nextInt(20) == 0 ? null : items(size),
                groups(),
                random.nextBoolean() ? Optional.empty() : Optional.of(item()),
                kind(),
                random.nextInt(5) == 0 ? null : word(),
                random.nextInt(100),
                random.nextInt(4) / 4.0,
                random.nextInt(3) == 0 ? null : random.nextBoolean(),
                paths(),
                tags(),
                random.nextInt(4) == 0 ? null : new int[] {random.nextInt(3), random.nextInt(3)});
    }

    /** Applies one to four random edits, as a sequence of handler calls would. */
    State edit(State state) {
        State next = state;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            next = editOnce(next);
        }
        return next;
    }

    private State editOnce(State s) {
        List<Item> items = s.items() == null ? List.of() : s.items();
        switch (random.nextInt(24)) {
            case 0: return s.withItems(append(items, item()));
            case 1: return s.withItems(appendAll(items, items(1 + random.nextInt(5))));
            case 2: return items.isEmpty() ? s : s.withItems(removeAt(items, random.nextInt(items.size())));
            case 3: return s.withItems(removeIf(items, item -> random.nextInt(3) == 0));
            case 4: return items.isEmpty() ? s : s.withItems(update(items, random.nextInt(items.size()), this::editItem));
            case 5: {
                List<Item> front = new ArrayList<>();
                front.add(item());
                front.addAll(items);
                return s.withItems(Collections.unmodifiableList(front));
            }
            case 6: return s.withItems(List.of());
            case 7: return s.withItems(random.nextBoolean() ? null : items(random.nextInt(6)));
            case 8: return s.withGroups(ImmutableMaps.put(s.groups(), key(), group()));
            case 9: return s.groups().isEmpty() ? s : s.withGroups(ImmutableMaps.remove(s.groups(), anyKey(s.groups())));
            case 10: return s.groups().isEmpty() ? s
                    : s.withGroups(ImmutableMaps.update(s.groups(), anyKey(s.groups()), this::editGroup));
            case 11: return s.withPinned(random.nextBoolean() ? Optional.empty() : Optional.of(item()));
            case 12: return s.pinned().isPresent() ? s.withPinned(Optional.of(editItem(s.pinned().get()))) : s;
            case 13: return s.withKind(kind());
            case 14: return s.withTitle(random.nextInt(4) == 0 ? null : word());
            case 15: return s.withCount(s.count() + 1);
            case 16: return s.withRatio(random.nextDouble());
            case 17: return s.withFlag(random.nextInt(3) == 0 ? null : random.nextBoolean());
            case 18: return s.withPaths(append(s.paths(), path()));
            case 19: return s.paths().isEmpty() ? s
                    : s.withPaths(update(s.paths(), random.nextInt(s.paths().size()), p -> append(p, point())));
            case 20: return s.withTags(ImmutableMaps.put(s.tags(), key(), labels()));
            case 21: return s.withRaw(random.nextBoolean() ? null : new int[] {random.nextInt(3)});
            case 22: return s.withItems(reversed(items));
            default: return state();
        }
    }

    private Item editItem(Item item) {
        if (item == null) {
            return item();
        }
        switch (random.nextInt(5)) {
            case 0: return item.withLabels(append(item.labels(), word()));
            case 1: return item.withNote(random.nextBoolean() ? Optional.empty() : Optional.of(word()));
            case 2: return item.withKind(kind());
            case 3: return item.withVersion(item.version() + 1);
            default: return item.withLabels(item.labels().isEmpty() ? item.labels() : removeAt(item.labels(), 0));
        }
    }

    private Group editGroup(Group group) {
        switch (random.nextInt(3)) {
            case 0: return group.withMembers(append(group.members(), item()));
            case 1: return group.withScores(ImmutableMaps.put(group.scores(), key(), random.nextInt(10)));
            default: return group.withName(word());
        }
    }

    List<Item> items(int size) {
        List<Item> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(random.nextInt(40) == 0 ? null : item());
        }
        return Collections.unmodifiableList(items);
    }

    Item item() {
        return new Item("i" + random.nextInt(1000), kind(), labels(),
                random.nextBoolean() ? Optional.empty() : Optional.of(word()), random.nextInt(5));
    }

    private Map<String, Group> groups() {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            groups.put(key(), group());
        }
        return groups;
    }

    private Group group() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            scores.put(key(), random.nextInt(10));
        }
        return new Group(word(), items(random.nextInt(3)), scores);
    }

    private List<List<Point>> paths() {
        List<List<Point>> paths = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            paths.add(path());
        }
        return paths;
    }

    private List<Point> path() {
        List<Point> points = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            points.add(point());
        }
        return points;
    }

    private Point point() {
        return new Point(random.nextInt(100), random.nextInt(100) / 2.0);
    }

    private Map<String, List<String>> tags() {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            tags.put(key(), labels());
        }
        return tags;
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            labels.add(random.nextInt(10) == 0 ? null : word());
        }
        return labels;
    }

    private Kind kind() {
        return Kind.values()[random.nextInt(Kind.values().length)];
    }

    private String key() {
        return KEYS[random.nextInt(KEYS.length)];
    }

    private String anyKey(Map<String, ?> map) {
        return new ArrayList<>(map.keySet()).get(random.nextInt(map.size()));
    }

    private String word() {
        return "w" + random.nextInt(6);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return Collections.unmodifiableList(copy);
    }
}
