package dev.zocket.server.internal.runtime;

/**
 * The thread of an I/O loop that can also run short tasks between its turns, so an actor message
 * read on it runs where it was read, without waking another thread. See {@link CallerLoopExecutor}.
 */
public final class LoopThread extends Thread {

    /** What a loop thread runs, seen from the actor runtime. */
    public interface Loop {

        /**
         * Queues {@code task} to run on this thread once the current turn's I/O is handled.
         * Called only from the loop's own thread.
         *
         * @return false if the loop is stopping and takes no more tasks
         */
        boolean runAfterTurn(Runnable task);
    }

    private final Loop loop;

    public LoopThread(Loop loop, Runnable body, String name) {
        super(body, name);
        this.loop = loop;
    }

    Loop loop() {
        return loop;
    }
}
