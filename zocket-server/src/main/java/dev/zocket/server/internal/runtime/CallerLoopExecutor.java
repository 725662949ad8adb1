package dev.zocket.server.internal.runtime;

import java.util.concurrent.Executor;

/**
 * Runs a task on the I/O loop that asked for it, after that loop's current turn; asked from any
 * other thread (a timer, the HTTP side, a commit finishing), on the pool.
 *
 * <p>A call read by a loop thus runs on that loop, and its answer is written by the same turn's
 * flush: no thread is woken between the bytes arriving and the answer leaving, which is most of
 * what a small call costs on a thread pool (two futex calls and a selector wake-up per call,
 * measured in docs/benchmarks.md). The price is that a handler that blocks holds up every
 * connection of its loop; handlers that may block run on a pool of the user's own
 * ({@code ZocketServer.Builder.executor}), and durable actors, which wait for their commits,
 * always run on the pool ({@link #forBlocking}).
 */
public final class CallerLoopExecutor implements Executor {

    private final Executor pool;

    public CallerLoopExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() instanceof LoopThread thread && thread.loop().runAfterTurn(task)) {
            return;
        }
        pool.execute(task);
    }

    /** The executor for work that may block: the pool behind {@code executor} if it runs on loops. */
    static Executor forBlocking(Executor executor) {
        return executor instanceof CallerLoopExecutor onLoops ? onLoops.pool : executor;
    }
}
