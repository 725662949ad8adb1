package dev.zocket.server.internal.runtime;

import dev.zocket.json.PatchOperation;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the encoded size of one instance's state under its limit, cheaply: a committed patch
 * (add, replace and remove only) can grow the state by at most its own length, so the exact
 * size is only measured when that bound says the limit might be near, and the measurement stops
 * as soon as it is passed.
 */
final class StateSize {

    private final JsonMapper mapper;
    private final long limit;
    /** An upper bound on the committed state's encoded size, or -1 when unknown. */
    private long bound = -1;

    StateSize(JsonMapper mapper, long limit) {
        this.mapper = mapper;
        this.limit = limit;
    }

    /**
     * Checks that {@code next} fits.
     *
     * @param patchBytes the length of the encoded patch that leads to it
     * @return the bound to pass to {@link #committed} once it is committed, or -1 if it is too large
     */
    long fit(Object next, long patchBytes) {
        if (bound >= 0 && bound + patchBytes <= limit) {
            return bound + patchBytes;
        }
        return exactFit(next);
    }

    /**
     * Checks that {@code next}, which {@code change} makes of the committed state, fits. The
     * change is measured rather than the state, as far as the room left under the limit, so a
     * change costs its own size however large the state is.
     *
     * @return the bound to pass to {@link #committed} once it is committed, or -1 if it is too large
     */
    long fit(Object next, List<PatchOperation> change) {
        if (bound >= 0) {
            long room = limit - bound;
            long changeBytes = measure(change, room);
            if (changeBytes <= room) {
                return bound + changeBytes;
            }
        }
        return exactFit(next);
    }

    private long exactFit(Object next) {
        long exact = measure(next, limit);
        return exact <= limit ? exact : -1;
    }

    /** Records the commit of a state that {@link #fit} accepted. */
    void committed(long newBound) {
        bound = newBound;
    }

    long limit() {
        return limit;
    }

    /** The encoded size of {@code value}, or a number past {@code stopAfter} once it passes it. */
    private long measure(Object value, long stopAfter) {
        Counter counter = new Counter(stopAfter);
        try {
            mapper.writeValue(counter, value);
        } catch (RuntimeException stopped) {
            if (counter.count <= stopAfter) {
                throw stopped;
            }
        }
        return counter.count;
    }

    private static final class Counter extends OutputStream {
        private final long stopAfter;
        private long count;

        Counter(long stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void write(int b) {
            add(1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            add(length);
        }

        private void add(long bytes) {
            count += bytes;
            if (count > stopAfter) {
                throw new IllegalStateException("over the limit");
            }
        }
    }
}
