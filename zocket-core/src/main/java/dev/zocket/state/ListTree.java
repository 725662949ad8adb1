package dev.zocket.state;

import java.util.Arrays;
import java.util.List;

/**
 * The nodes of {@link PersistentList}: a B+-tree of up to {@value #WIDTH} children per node,
 * where each branch knows how many elements lie under each child. An update copies the nodes on
 * one root-to-leaf path (a few arrays of at most {@value #WIDTH} references) and shares all
 * others, so reading, replacing, inserting and removing at any index all cost O(log n).
 *
 * <p>All leaves are at the same depth. Nodes are split when they overflow and merged with a
 * neighbour when a removal leaves them less than half full; an append splits a full node into a
 * full one and a new one, so a list built by appends has full nodes.
 */
final class ListTree {

    static final int WIDTH = 32;
    private static final int MIN = WIDTH / 2;

    private ListTree() {}

    /** A node of the tree; never modified after construction. */
    abstract static sealed class Node permits Leaf, Branch {
        abstract int size();

        /** Entries held directly: elements for a leaf, children for a branch. */
        abstract int width();
    }

    static final class Leaf extends Node {
        static final Leaf EMPTY = new Leaf(new Object[0]);

        final Object[] elements;

        Leaf(Object[] elements) {
            this.elements = elements;
        }

        @Override
        int size() {
            return elements.length;
        }

        @Override
        int width() {
            return elements.length;
        }
    }

    static final class Branch extends Node {
        final Node[] children;
        /** {@code ends[k]} is the number of elements under children 0 to k. */
        final int[] ends;

        Branch(Node[] children) {
            this.children = children;
            this.ends = new int[children.length];
            int total = 0;
            for (int k = 0; k < children.length; k++) {
                total += children[k].size();
                ends[k] = total;
            }
        }

        @Override
        int size() {
            return ends.length == 0 ? 0 : ends[ends.length - 1];
        }

        @Override
        int width() {
            return children.length;
        }

        /** The child holding {@code index}, which is below {@link #size()}. */
        int childAt(int index) {
            int low = 0;
            int high = ends.length - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (ends[middle] > index) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }

        int start(int child) {
            return child == 0 ? 0 : ends[child - 1];
        }
    }

    /** Builds a tree of full nodes from {@code list}, in O(n). */
    static Node of(List<?> list) {
        int size = list.size();
        if (size == 0) {
            return Leaf.EMPTY;
        }
        Node[] level = new Node[(size + WIDTH - 1) / WIDTH];
        for (int k = 0; k < level.length; k++) {
            int from = k * WIDTH;
            Object[] elements = new Object[Math.min(WIDTH, size - from)];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = list.get(from + i);
            }
            level[k] = new Leaf(elements);
        }
        while (level.length > 1) {
            Node[] parents = new Node[(level.length + WIDTH - 1) / WIDTH];
            for (int k = 0; k < parents.length; k++) {
                int from = k * WIDTH;
                parents[k] = new Branch(Arrays.copyOfRange(level, from, Math.min(level.length, from + WIDTH)));
            }
            level = parents;
        }
        return level[0];
    }

    static Object get(Node node, int index) {
        while (node instanceof Branch branch) {
            int child = branch.childAt(index);
            index -= branch.start(child);
            node = branch.children[child];
        }
        return ((Leaf) node).elements[index];
    }

    /** The leaf holding {@code index}; {@code start[0]} receives the index of its first element. */
    static Leaf leafAt(Node node, int index, int[] start) {
        int offset = 0;
        while (node instanceof Branch branch) {
            int child = branch.childAt(index - offset);
            offset += branch.start(child);
            node = branch.children[child];
        }
        start[0] = offset;
        return (Leaf) node;
    }

    static Node set(Node node, int index, Object element) {
        if (node instanceof Leaf leaf) {
            Object[] elements = leaf.elements.clone();
            elements[index] = element;
            return new Leaf(elements);
        }
        Branch branch = (Branch) node;
        int child = branch.childAt(index);
        Node[] children = branch.children.clone();
        children[child] = set(children[child], index - branch.start(child), element);
        return new Branch(children);
    }

    /** The tree with {@code element} inserted before {@code index} (or appended at {@code size}). */
    static Node insert(Node root, int index, Object element) {
        Node[] result = insertInto(root, index, element);
        return result.length == 1 ? result[0] : new Branch(result);
    }

    /** One node, or two when {@code node} overflowed and split. */
    private static Node[] insertInto(Node node, int index, Object element) {
        boolean atEnd = index == node.size();
        if (node instanceof Leaf leaf) {
            Object[] elements = new Object[leaf.elements.length + 1];
            System.arraycopy(leaf.elements, 0, elements, 0, index);
            elements[index] = element;
            System.arraycopy(leaf.elements, index, elements, index + 1, leaf.elements.length - index);
            if (elements.length <= WIDTH) {
                return new Node[] {new Leaf(elements)};
            }
            int split = atEnd ? WIDTH : elements.length / 2;
            return new Node[] {new Leaf(Arrays.copyOfRange(elements, 0, split)),
                new Leaf(Arrays.copyOfRange(elements, split, elements.length))};
        }
        Branch branch = (Branch) node;
        int child = atEnd ? branch.children.length - 1 : branch.childAt(index);
        Node[] replacement = insertInto(branch.children[child], index - branch.start(child), element);
        Node[] children = replace(branch.children, child, 1, replacement);
        if (children.length <= WIDTH) {
            return new Node[] {new Branch(children)};
        }
        int split = atEnd ? WIDTH : children.length / 2;
        return new Node[] {new Branch(Arrays.copyOfRange(children, 0, split)),
            new Branch(Arrays.copyOfRange(children, split, children.length))};
    }

    /** The tree without the element at {@code index}; a root with one child gives way to it. */
    static Node remove(Node root, int index) {
        Node result = removeFrom(root, index);
        while (result instanceof Branch branch && branch.children.length <= 1) {
            result = branch.children.length == 0 ? Leaf.EMPTY : branch.children[0];
        }
        return result;
    }

    private static Node removeFrom(Node node, int index) {
        if (node instanceof Leaf leaf) {
            Object[] elements = new Object[leaf.elements.length - 1];
            System.arraycopy(leaf.elements, 0, elements, 0, index);
            System.arraycopy(leaf.elements, index + 1, elements, index, elements.length - index);
            return new Leaf(elements);
        }
        Branch branch = (Branch) node;
        int child = branch.childAt(index);
        Node changed = removeFrom(branch.children[child], index - branch.start(child));
        if (changed.size() == 0) {
            return new Branch(replace(branch.children, child, 1, new Node[0]));
        }
        if (changed.width() >= MIN || branch.children.length == 1) {
            return new Branch(replace(branch.children, child, 1, new Node[] {changed}));
        }
        int left = child > 0 ? child - 1 : child;
        Node first = left == child ? changed : branch.children[left];
        Node second = left == child ? branch.children[child + 1] : changed;
        return new Branch(replace(branch.children, left, 2, merge(first, second)));
    }

    /** Two neighbours at the same depth as one node, or as two balanced ones if that overflows. */
    private static Node[] merge(Node first, Node second) {
        int total = first.width() + second.width();
        int split = total <= WIDTH ? total : total / 2;
        if (first instanceof Leaf a) {
            Object[] all = concat(a.elements, ((Leaf) second).elements);
            return split == total ? new Node[] {new Leaf(all)}
                    : new Node[] {new Leaf(Arrays.copyOfRange(all, 0, split)), new Leaf(Arrays.copyOfRange(all, split, total))};
        }
        Node[] all = concat(((Branch) first).children, ((Branch) second).children);
        return split == total ? new Node[] {new Branch(all)}
                : new Node[] {new Branch(Arrays.copyOfRange(all, 0, split)), new Branch(Arrays.copyOfRange(all, split, total))};
    }

    private static <T> T[] concat(T[] first, T[] second) {
        T[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** {@code nodes} with {@code count} entries from {@code at} replaced by {@code replacement}. */
    private static Node[] replace(Node[] nodes, int at, int count, Node[] replacement) {
        Node[] result = new Node[nodes.length - count + replacement.length];
        System.arraycopy(nodes, 0, result, 0, at);
        System.arraycopy(replacement, 0, result, at, replacement.length);
        System.arraycopy(nodes, at + count, result, at + replacement.length, nodes.length - at - count);
        return result;
    }

    /**
     * A lower bound on how many leading elements of the two trees are the same references,
     * found by skipping shared sub-trees: O(log n) when one tree was derived from the other.
     */
    static int sharedPrefix(Node a, Node b) {
        int depthA = depth(a);
        int depthB = depth(b);
        for (; depthA > depthB; depthA--) {
            a = ((Branch) a).children[0];
        }
        for (; depthB > depthA; depthB--) {
            b = ((Branch) b).children[0];
        }
        return prefix(a, b);
    }

    private static int prefix(Node a, Node b) {
        if (a == b) {
            return a.size();
        }
        if (a instanceof Leaf leafA) {
            Object[] x = leafA.elements;
            Object[] y = ((Leaf) b).elements;
            int n = Math.min(x.length, y.length);
            int i = 0;
            while (i < n && x[i] == y[i]) {
                i++;
            }
            return i;
        }
        Branch branchA = (Branch) a;
        Branch branchB = (Branch) b;
        int n = Math.min(branchA.children.length, branchB.children.length);
        int shared = 0;
        for (int k = 0; k < n; k++) {
            Node x = branchA.children[k];
            Node y = branchB.children[k];
            if (x != y) {
                return shared + prefix(x, y); // past a changed child the two no longer line up
            }
            shared += x.size();
        }
        return shared;
    }

    /** Like {@link #sharedPrefix}, counting from the ends of the two trees. */
    static int sharedSuffix(Node a, Node b) {
        int depthA = depth(a);
        int depthB = depth(b);
        for (; depthA > depthB; depthA--) {
            Node[] children = ((Branch) a).children;
            a = children[children.length - 1];
        }
        for (; depthB > depthA; depthB--) {
            Node[] children = ((Branch) b).children;
            b = children[children.length - 1];
        }
        return suffix(a, b);
    }

    private static int suffix(Node a, Node b) {
        if (a == b) {
            return a.size();
        }
        if (a instanceof Leaf leafA) {
            Object[] x = leafA.elements;
            Object[] y = ((Leaf) b).elements;
            int n = Math.min(x.length, y.length);
            int i = 0;
            while (i < n && x[x.length - 1 - i] == y[y.length - 1 - i]) {
                i++;
            }
            return i;
        }
        Node[] childrenA = ((Branch) a).children;
        Node[] childrenB = ((Branch) b).children;
        int n = Math.min(childrenA.length, childrenB.length);
        int shared = 0;
        for (int k = 1; k <= n; k++) {
            Node x = childrenA[childrenA.length - k];
            Node y = childrenB[childrenB.length - k];
            if (x != y) {
                return shared + suffix(x, y);
            }
            shared += x.size();
        }
        return shared;
    }

    private static int depth(Node node) {
        int depth = 0;
        while (node instanceof Branch branch && branch.children.length > 0) {
            node = branch.children[0];
            depth++;
        }
        return depth;
    }
}
