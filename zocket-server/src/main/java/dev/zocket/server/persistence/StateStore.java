package dev.zocket.server.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage for actor state: per instance, the latest snapshot and its version, and the log
 * of changes that produced it.
 *
 * <p>Versions of an instance start at 1 for its first change and grow by exactly one; a change
 * whose version is not the stored version plus one is refused, so a store never holds a gap or a
 * duplicate. Every snapshot is written with the change that produced it (snapshot per change, not
 * periodic snapshots plus replay): activation then reads one row, and the log is history only,
 * which retention may shorten without touching state.
 *
 * <p>Implementations are safe for use from several threads. The server calls {@link #append}
 * from one committer thread, with every change that was waiting, so one transaction serves many
 * changes across instances.
 */
public interface StateStore extends AutoCloseable {

    /**
     * The latest stored state of an instance.
     *
     * @return empty when the instance never committed a change
     * @throws StoreException when the storage cannot be read
     */
    Optional<StoredState> load(String actorType, String instanceId);

    /**
     * Appends changes and their snapshots atomically: either every commit in {@code batch} is
     * durable when this returns, or none is and a {@link StoreException} says why. A batch may
     * carry several consecutive changes of one instance, in version order.
     *
     * @throws StoreException when the storage fails, or a version does not follow the stored one
     */
    void append(List<Commit> batch);

    /**
     * The ids of an actor type's stored instances, in ascending order, starting after {@code after}
     * (exclusive; {@code null} for the first page), at most {@code limit} of them.
     */
    List<String> instances(String actorType, String after, int limit);

    /**
     * An instance's change log, newest first: changes whose version is below {@code before}
     * ({@link Long#MAX_VALUE} for the newest), at most {@code limit} of them. Changes removed by
     * {@link #prune} are no longer listed.
     */
    List<Change> history(String actorType, String instanceId, long before, int limit);

    /**
     * Applies a retention policy to every instance's log: removes changes beyond the last
     * {@link Retention#keepLast()} and those older than {@link Retention#keepFor()} before {@code
     * now}. Snapshots are untouched: they already hold the effect of every change.
     *
     * @return how many changes were removed
     */
    long prune(Retention retention, Instant now);

    /** Releases connections and files. The store is not used afterwards. */
    @Override
    void close();
}
