package dev.zocket.state;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One-line updates of immutable lists, for state records. Every function returns a new
 * unmodifiable list and leaves its argument alone; elements that do not change are the same
 * references, which is what lets the generated differ skip them.
 *
 * <pre>{@code
 * import static dev.zocket.state.ImmutableLists.*;
 *
 * update(s -> s.withMessages(append(s.messages(), message)));
 * update(s -> s.withPlayers(replaceIf(s.players(), p -> p.id().equals(id), p -> p.withScore(p.score() + 10))));
 * }</pre>
 *
 * <h2>Costs</h2>
 *
 * <p>The lists these functions return are persistent: an update shares everything but one
 * path of a shallow tree with the list it came from, so {@link #append}, {@link #set},
 * {@link #update} and {@link #removeAt} cost O(log n) (a few small array copies, whatever the
 * length), and reading an element by index costs O(log n) too. They are ordinary
 * {@code java.util.List}s to everyone else ({@code equals}, {@code hashCode}, iteration,
 * Jackson, Bean Validation). Any other list, a {@code List.of} or the {@code ArrayList}
 * Jackson decodes, is accepted as well: the first update copies it once, in O(n), and the
 * updates after that are O(log n). {@link #appendAll} costs O(k log n) for k new elements (O(k) onto an empty list);
 * {@link #replaceIf} and {@link #removeIf} visit every element, and return their argument
 * itself when nothing matched.
 *
 * <p>{@code null} elements are allowed. A {@code null} list is treated as empty.
 */
public final class ImmutableLists {

    private ImmutableLists() {}

    /** The list with {@code element} added at the end. */
    public static <E> List<E> append(List<? extends E> list, E element) {
        return PersistentList.<E>from(list).plus(element);
    }

    /** The list with {@code elements} added at the end. */
    public static <E> List<E> appendAll(List<? extends E> list, List<? extends E> elements) {
        if (size(list) == 0) {
            return PersistentList.from(elements);
        }
        PersistentList<E> result = PersistentList.from(list);
        for (E element : elements) {
            result = result.plus(element);
        }
        return result;
    }

    /** The list with the element at {@code index} replaced. */
    public static <E> List<E> set(List<? extends E> list, int index, E element) {
        Objects.checkIndex(index, size(list));
        return PersistentList.<E>from(list).with(index, element);
    }

    /** The list with the element at {@code index} transformed by {@code change}. */
    public static <E> List<E> update(List<? extends E> list, int index, UnaryOperator<E> change) {
        Objects.checkIndex(index, size(list));
        PersistentList<E> persistent = PersistentList.from(list);
        return persistent.with(index, change.apply(persistent.get(index)));
    }

    /** The list with every element that matches transformed by {@code change}. */
    public static <E> List<E> replaceIf(List<? extends E> list, Predicate<? super E> matches, UnaryOperator<E> change) {
        PersistentList<E> result = PersistentList.from(list);
        int index = 0;
        for (E element : PersistentList.<E>from(list)) {
            if (matches.test(element)) {
                result = result.with(index, change.apply(element));
            }
            index++;
        }
        return result;
    }

    /** The list without the element at {@code index}. */
    public static <E> List<E> removeAt(List<? extends E> list, int index) {
        Objects.checkIndex(index, size(list));
        return PersistentList.<E>from(list).minus(index);
    }

    /** The list without the elements that match. */
    public static <E> List<E> removeIf(List<? extends E> list, Predicate<? super E> matches) {
        PersistentList<E> result = PersistentList.from(list);
        int index = 0;
        for (E element : PersistentList.<E>from(list)) {
            if (matches.test(element)) {
                result = result.minus(index);
            } else {
                index++;
            }
        }
        return result;
    }

    /**
     * A lower bound on how many leading elements of the two lists are the same references, for
     * differs: found in O(log n) when one list was made from the other by these functions, and
     * 0 for lists they did not make (the caller then compares elements itself).
     */
    public static int sharedPrefix(List<?> before, List<?> after) {
        return before instanceof PersistentList<?> a && after instanceof PersistentList<?> b ? a.sharedPrefix(b) : 0;
    }

    /** Like {@link #sharedPrefix}, counting from the ends of the two lists. */
    public static int sharedSuffix(List<?> before, List<?> after) {
        return before instanceof PersistentList<?> a && after instanceof PersistentList<?> b ? a.sharedSuffix(b) : 0;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
