package dev.zocket.state;

import dev.zocket.state.ListTree.Leaf;
import dev.zocket.state.ListTree.Node;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An unmodifiable {@link List} whose updates return a new list sharing all but O(log n) of
 * this one's structure (see {@link ListTree}). It is an ordinary {@code java.util.List} to
 * everyone else: {@code equals} and {@code hashCode} follow the {@code List} contract, so it
 * equals an {@code ArrayList} or {@code List.of} with the same elements, and Jackson and
 * Bean Validation see a collection they iterate.
 *
 * <p>Reading by index costs O(log n) (three or four array reads for ten thousand elements);
 * iteration is O(1) per element. It does not implement {@link java.util.RandomAccess}, so that
 * code choosing between index and iterator loops picks the iterator.
 *
 * @param <E> the element type; {@code null} elements are allowed
 */
final class PersistentList<E> extends AbstractList<E> {

    private static final PersistentList<?> EMPTY = new PersistentList<>(Leaf.EMPTY);

    private final Node root;

    private PersistentList(Node root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static <E> PersistentList<E> empty() {
        return (PersistentList<E>) EMPTY;
    }

    /** {@code list} itself when it is persistent already, else a copy of it (once, O(n)). */
    @SuppressWarnings("unchecked")
    static <E> PersistentList<E> from(List<? extends E> list) {
        if (list == null) {
            return empty();
        }
        if (list instanceof PersistentList<?> persistent) {
            return (PersistentList<E>) persistent;
        }
        return list.isEmpty() ? empty() : new PersistentList<>(ListTree.of(list));
    }

    @Override
    public int size() {
        return root.size();
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size());
        return (E) ListTree.get(root, index);
    }

    PersistentList<E> with(int index, E element) {
        Objects.checkIndex(index, size());
        return new PersistentList<>(ListTree.set(root, index, element));
    }

    PersistentList<E> plus(E element) {
        return new PersistentList<>(ListTree.insert(root, size(), element));
    }

    PersistentList<E> minus(int index) {
        Objects.checkIndex(index, size());
        return size() == 1 ? empty() : new PersistentList<>(ListTree.remove(root, index));
    }

    /** See {@link ListTree#sharedPrefix}. */
    int sharedPrefix(PersistentList<?> other) {
        return ListTree.sharedPrefix(root, other.root);
    }

    /** See {@link ListTree#sharedSuffix}. */
    int sharedSuffix(PersistentList<?> other) {
        return ListTree.sharedSuffix(root, other.root);
    }

    @Override
    public Iterator<E> iterator() {
        return new LeafIterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        for (Iterator<E> elements = iterator(); elements.hasNext();) {
            action.accept(elements.next());
        }
    }

    /** Walks the leaves in order, descending from the root once per leaf. */
    private final class LeafIterator implements Iterator<E> {
        private final int size = size();
        private final int[] leafStart = new int[1];
        private Object[] leaf = new Object[0];
        private int next;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            int inLeaf = next - leafStart[0];
            if (inLeaf >= leaf.length) {
                leaf = ListTree.leafAt(root, next, leafStart).elements;
                inLeaf = next - leafStart[0];
            }
            next++;
            return (E) leaf[inLeaf];
        }
    }
}
