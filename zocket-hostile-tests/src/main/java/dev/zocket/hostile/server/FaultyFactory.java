package dev.zocket.hostile.server;

import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A factory for {@link Faulty} that always throws, with a message no client should ever see,
 * and counts how often it was run, so a test can tell "retried on a later call" from "retried in
 * a loop".
 */
public final class FaultyFactory implements ActorFactory<Faulty, Faulty.State, Faulty.Events> {

    /** Part of the exception's message; the server must not send it to clients. */
    public static final String SECRET = "secret-detail-db-password-hunter2";

    private final AtomicLong runs = new AtomicLong();

    @Override
    public Faulty create(ActorContext<Faulty.State, Faulty.Events> context) {
        runs.incrementAndGet();
        throw new IllegalStateException("Cannot open the store: " + SECRET);
    }

    /** How many times {@link #create} ran. */
    public long runs() {
        return runs.get();
    }
}
