package dev.zocket.state;

import java.util.Arrays;
import java.util.Collections;
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
 * <p>{@code null} elements are allowed. A {@code null} list is treated as empty.
 */
public final class ImmutableLists {

    private ImmutableLists() {}

    /** The list with {@code element} added at the end. */
    public static <E> List<E> append(List<? extends E> list, E element) {
        Object[] elements = toArray(list, 1);
        elements[elements.length - 1] = element;
        return wrap(elements);
    }

    /** The list with {@code elements} added at the end. */
    public static <E> List<E> appendAll(List<? extends E> list, List<? extends E> elements) {
        Object[] result = toArray(list, elements.size());
        int start = result.length - elements.size();
        for (int i = 0; i < elements.size(); i++) {
            result[start + i] = elements.get(i);
        }
        return wrap(result);
    }

    /** The list with the element at {@code index} replaced. */
    public static <E> List<E> set(List<? extends E> list, int index, E element) {
        Objects.checkIndex(index, size(list));
        Object[] elements = toArray(list, 0);
        elements[index] = element;
        return wrap(elements);
    }

    /** The list with the element at {@code index} transformed by {@code change}. */
    public static <E> List<E> update(List<? extends E> list, int index, UnaryOperator<E> change) {
        Objects.checkIndex(index, size(list));
        return set(list, index, change.apply(list.get(index)));
    }

    /** The list with every element that matches transformed by {@code change}. */
    public static <E> List<E> replaceIf(List<? extends E> list, Predicate<? super E> matches, UnaryOperator<E> change) {
        Object[] elements = toArray(list, 0);
        for (int i = 0; i < elements.length; i++) {
            @SuppressWarnings("unchecked")
            E element = (E) elements[i];
            if (matches.test(element)) {
                elements[i] = change.apply(element);
            }
        }
        return wrap(elements);
    }

    /** The list without the element at {@code index}. */
    public static <E> List<E> removeAt(List<? extends E> list, int index) {
        int size = size(list);
        Objects.checkIndex(index, size);
        Object[] elements = new Object[size - 1];
        for (int i = 0, j = 0; i < size; i++) {
            if (i != index) {
                elements[j++] = list.get(i);
            }
        }
        return wrap(elements);
    }

    /** The list without the elements that match. */
    public static <E> List<E> removeIf(List<? extends E> list, Predicate<? super E> matches) {
        Object[] kept = new Object[size(list)];
        int count = 0;
        for (int i = 0; i < kept.length; i++) {
            E element = list.get(i);
            if (!matches.test(element)) {
                kept[count++] = element;
            }
        }
        return wrap(count == kept.length ? kept : Arrays.copyOf(kept, count));
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static Object[] toArray(List<?> list, int extra) {
        int size = size(list);
        Object[] elements = new Object[size + extra];
        for (int i = 0; i < size; i++) {
            elements[i] = list.get(i);
        }
        return elements;
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> wrap(Object[] elements) {
        return Collections.unmodifiableList((List<E>) Arrays.asList(elements));
    }
}
