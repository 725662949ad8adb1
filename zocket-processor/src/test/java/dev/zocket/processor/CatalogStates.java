package dev.zocket.processor;

import static dev.zocket.state.ImmutableLists.append;
import static dev.zocket.state.ImmutableLists.removeAt;
import static dev.zocket.state.ImmutableLists.update;

import dev.zocket.processor.fixtures.Catalog;
import dev.zocket.processor.fixtures.Catalog.Blank;
import dev.zocket.processor.fixtures.Catalog.Circle;
import dev.zocket.processor.fixtures.Catalog.Entry;
import dev.zocket.processor.fixtures.Catalog.Kind;
import dev.zocket.processor.fixtures.Catalog.Lobby;
import dev.zocket.processor.fixtures.Catalog.Phase;
import dev.zocket.processor.fixtures.Catalog.Playing;
import dev.zocket.processor.fixtures.Catalog.Scalars;
import dev.zocket.processor.fixtures.Catalog.Shape;
import dev.zocket.processor.fixtures.Catalog.Square;
import dev.zocket.processor.fixtures.Catalog.State;
import dev.zocket.state.ImmutableMaps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Random {@link Catalog.State}s and random edits of them, through withers so that unchanged parts
 * keep their references. Edits change variants, members within a variant, keys of every kind,
 * set elements (in hash, insertion and sorted order) and each scalar.
 */
final class CatalogStates {

    private static final UUID[] UUIDS = {
        UUID.fromString("00000000-0000-0000-0000-000000000001"), UUID.fromString("ffffffff-0000-0000-0000-000000000000"),
        UUID.fromString("7f000000-0000-4000-8000-000000000000"), UUID.fromString("80000000-0000-4000-8000-000000000000")};
    private static final String[] KEYS = {"a", "b", "a/b", "t~1", "", "é"};

    private final Random random;

    CatalogStates(long seed) {
        this.random = new Random(seed);
    }

    State state() {
        return new State(shape(), shapes(), shapesByName(), Optional.ofNullable(shape()),
                phase(), byKind(), owners(), ranks(), timeline(), labels(), kinds(), scalars(),
                random.nextInt(4) == 0 ? null : word(), random.nextInt(3) == 0 ? null : word());
    }

    /** Applies one to three random edits. */
    State edit(State state) {
        State next = state;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            next = editOnce(next);
        }
        return next;
    }

    private State editOnce(State s) {
        switch (random.nextInt(20)) {
            case 0: return s.withShape(random.nextBoolean() ? shape() : editShape(s.shape()));
            case 1: return s.withShapes(s.shapes().isEmpty() || random.nextBoolean() ? append(s.shapes(), shape())
                    : update(s.shapes(), random.nextInt(s.shapes().size()), this::editShape));
            case 2: return s.shapes().isEmpty() ? s : s.withShapes(removeAt(s.shapes(), random.nextInt(s.shapes().size())));
            case 3: return s.withShapesByName(random.nextBoolean() || s.shapesByName().isEmpty()
                    ? ImmutableMaps.put(s.shapesByName(), key(), shape())
                    : ImmutableMaps.update(s.shapesByName(), anyKey(s.shapesByName()), this::editShape));
            case 4: return s.withMaybeShape(s.maybeShape().isPresent() && random.nextBoolean()
                    ? Optional.ofNullable(editShape(s.maybeShape().get()))
                    : Optional.ofNullable(shape()));
            case 5: return s.withPhase(random.nextBoolean() ? phase() : editPhase(s.phase()));
            case 6: return s.withByKind(random.nextBoolean() ? ImmutableMaps.put(s.byKind(), kind(), random.nextInt(5))
                    : removeSome(s.byKind()));
            case 7: return s.withOwners(random.nextBoolean() ? ImmutableMaps.put(s.owners(), uuid(), word())
                    : removeSome(s.owners()));
            case 8: {
                SortedMap<Integer, String> ranks = new TreeMap<>(s.ranks());
                if (random.nextBoolean()) {
                    ranks.put(random.nextInt(30) - 10, word());
                } else if (!ranks.isEmpty()) {
                    ranks.remove(ranks.firstKey());
                }
                return s.withRanks(Collections.unmodifiableSortedMap(ranks));
            }
            case 9: {
                NavigableMap<Long, Entry> timeline = new TreeMap<>(s.timeline());
                long key = random.nextInt(3) == 0 ? Long.MAX_VALUE - random.nextInt(3) : random.nextInt(20);
                Entry current = timeline.get(key);
                timeline.put(key, current != null && random.nextBoolean() ? current.withCount(current.count() + 1) : entry());
                if (random.nextInt(3) == 0) {
                    timeline.pollFirstEntry();
                }
                return s.withTimeline(Collections.unmodifiableNavigableMap(timeline));
            }
            case 10: {
                Set<String> labels = copyLike(s.labels());
                if (random.nextBoolean() || labels.isEmpty()) {
                    labels.add(word());
                } else {
                    labels.remove(labels.iterator().next());
                }
                return s.withLabels(Collections.unmodifiableSet(labels));
            }
            case 11: {
                SortedSet<Kind> kinds = new TreeSet<>(s.kinds());
                Kind kind = kind();
                if (!kinds.add(kind)) {
                    kinds.remove(kind);
                }
                return s.withKinds(Collections.unmodifiableSortedSet(kinds));
            }
            case 12: return s.withScalars(editScalars(s.scalars()));
            case 13: return s.withRenamed(random.nextInt(3) == 0 ? null : word());
            case 14: return s.withIncluded(random.nextInt(3) == 0 ? null : word());
            case 15: return s.withScalars(random.nextInt(5) == 0 ? null : scalars());
            default: return state();
        }
    }

    private Shape shape() {
        switch (random.nextInt(7)) {
            case 0: return null;
            case 1: return new Blank();
            case 2: case 3: return new Circle(random.nextInt(8) / 2.0, random.nextBoolean() ? null : word());
            default: return new Square(random.nextInt(8), labelList());
        }
    }

    private Shape editShape(Shape shape) {
        if (shape instanceof Circle circle) {
            return random.nextBoolean() ? circle.withRadius(circle.radius() + 1) : circle.withLabel(word());
        }
        if (shape instanceof Square square) {
            return random.nextBoolean() ? square.withSide(square.side() + 0.5) : square.withTags(append(square.tags(), word()));
        }
        return shape();
    }

    private Phase phase() {
        switch (random.nextInt(5)) {
            case 0: return null;
            case 1: case 2: return new Lobby(labelList());
            default: {
                Map<String, Integer> scores = new LinkedHashMap<>();
                for (int i = random.nextInt(3); i > 0; i--) {
                    scores.put(key(), random.nextInt(10));
                }
                return new Playing(random.nextInt(5), scores);
            }
        }
    }

    private Phase editPhase(Phase phase) {
        if (phase instanceof Lobby lobby) {
            return lobby.withPlayers(append(lobby.players(), word()));
        }
        if (phase instanceof Playing playing) {
            return random.nextBoolean() ? playing.withRound(playing.round() + 1)
                    : playing.withScores(ImmutableMaps.put(playing.scores(), key(), random.nextInt(10)));
        }
        return phase();
    }

    private List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            shapes.add(shape());
        }
        return Collections.unmodifiableList(shapes);
    }

    private Map<String, Shape> shapesByName() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            shapes.put(key(), shape());
        }
        return Collections.unmodifiableMap(shapes);
    }

    private Map<Kind, Integer> byKind() {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            counts.put(kind(), random.nextInt(3) == 0 ? null : random.nextInt(9));
        }
        return Collections.unmodifiableMap(counts);
    }

    private Map<UUID, String> owners() {
        Map<UUID, String> owners = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            owners.put(uuid(), word());
        }
        return Collections.unmodifiableMap(owners);
    }

    private SortedMap<Integer, String> ranks() {
        SortedMap<Integer, String> ranks = new TreeMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            ranks.put(random.nextInt(30) - 10, word());
        }
        return Collections.unmodifiableSortedMap(ranks);
    }

    private NavigableMap<Long, Entry> timeline() {
        NavigableMap<Long, Entry> timeline = new TreeMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            timeline.put((long) random.nextInt(20), entry());
        }
        return Collections.unmodifiableNavigableMap(timeline);
    }

    /** A hash set, an insertion-ordered set or an immutable {@code Set.of}: each iterates in its own order. */
    private Set<String> labels() {
        Set<String> labels = random.nextBoolean() ? new HashSet<>() : new LinkedHashSet<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            labels.add(word());
        }
        return random.nextInt(3) == 0 ? Set.copyOf(labels) : Collections.unmodifiableSet(labels);
    }

    private Set<String> copyLike(Set<String> set) {
        return random.nextBoolean() ? new LinkedHashSet<>(set) : new HashSet<>(set);
    }

    private SortedSet<Kind> kinds() {
        SortedSet<Kind> kinds = new TreeSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            kinds.add(kind());
        }
        return Collections.unmodifiableSortedSet(kinds);
    }

    private Entry entry() {
        return new Entry(word(), random.nextInt(5));
    }

    Scalars scalars() {
        return new Scalars(word(), random.nextBoolean(), (byte) random.nextInt(3), (short) random.nextInt(3),
                random.nextInt(3), random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(3), random.nextInt(4) / 4f,
                random.nextInt(4) / 8.0, (char) ('a' + random.nextInt(3)), nullOr(random.nextBoolean()),
                nullOr((byte) 1), nullOr((short) 2), nullOr(random.nextInt(3)), nullOr(1L << 60), nullOr(0.5f), nullOr(0.25),
                nullOr('z'), nullOr(new BigDecimal("12345678901234567890.123456789")),
                nullOr(BigInteger.TWO.pow(70 + random.nextInt(3))), nullOr(uuid()),
                nullOr(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(3), random.nextInt(2) * 500_000_000)),
                nullOr(LocalDate.of(2026, 1 + random.nextInt(12), 1)), nullOr(LocalTime.of(random.nextInt(24), 30)),
                nullOr(LocalDateTime.of(2026, 11, 27, random.nextInt(24), 0)),
                nullOr(OffsetDateTime.of(2026, 11, 27, 17, random.nextInt(60), 0, 0, ZoneOffset.UTC)),
                nullOr(ZonedDateTime.of(2026, 11, 27, 17, 0, random.nextInt(60), 0, ZoneOffset.UTC)),
                nullOr(Duration.ofMillis(random.nextInt(5000))), tree(),
                random.nextBoolean() ? null : new long[] {random.nextInt(3), Long.MIN_VALUE}, nullOr(kind()));
    }

    private Scalars editScalars(Scalars scalars) {
        if (scalars == null) {
            return scalars();
        }
        Scalars fresh = scalars();
        switch (random.nextInt(10)) {
            case 0: return scalars.withText(fresh.text());
            case 1: return scalars.withLarge(fresh.large());
            case 2: return scalars.withSingle(fresh.single());
            case 3: return scalars.withLetter(fresh.letter());
            case 4: return scalars.withDecimal(fresh.decimal());
            case 5: return scalars.withInstant(fresh.instant());
            case 6: return scalars.withTree(fresh.tree());
            case 7: return scalars.withLongs(fresh.longs());
            case 8: return scalars.withKind(fresh.kind());
            default: return fresh;
        }
    }

    /** A tree, or JSON null: a null {@code JsonNode} decodes as {@code NullNode}, so generate that. */
    private JsonNode tree() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (random.nextInt(5) == 0) {
            return nodes.nullNode();
        }
        return nodes.objectNode().put("k", word()).set("list", nodes.arrayNode().add(random.nextInt(3)));
    }

    private <T> T nullOr(T value) {
        return random.nextInt(5) == 0 ? null : value;
    }

    private <K, V> Map<K, V> removeSome(Map<K, V> map) {
        if (map.isEmpty()) {
            return map;
        }
        return ImmutableMaps.remove(map, new ArrayList<>(map.keySet()).get(random.nextInt(map.size())));
    }

    private List<String> labelList() {
        List<String> labels = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            labels.add(word());
        }
        return Collections.unmodifiableList(labels);
    }

    private Kind kind() {
        return Kind.values()[random.nextInt(Kind.values().length)];
    }

    private UUID uuid() {
        return UUIDS[random.nextInt(UUIDS.length)];
    }

    private String key() {
        return KEYS[random.nextInt(KEYS.length)];
    }

    private <V> String anyKey(Map<String, V> map) {
        return new ArrayList<>(map.keySet()).get(random.nextInt(map.size()));
    }

    private String word() {
        return "w" + random.nextInt(8);
    }
}
