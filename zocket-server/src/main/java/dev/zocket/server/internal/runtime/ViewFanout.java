package dev.zocket.server.internal.runtime;

import dev.zocket.Viewer;
import dev.zocket.diff.PatchBuilder;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.spi.StateDiffer;
import dev.zocket.spi.StateViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Computes what the state subscribers of an instance with views receive: each subscriber's
 * audience is asked of the contract, and each audience's view is computed, diffed and encoded
 * once, however many subscribers it has. A view depends only on the state and the audience, so
 * subscribers of one audience see the same view and can share one frame.
 *
 * <p>A subscriber may move from one audience to another with a commit (the draw game's drawer
 * changes each round): subscribers are grouped by their audience before and after the commit,
 * and each group gets the diff from its old view to its new one.
 *
 * @param <S> the state record
 * @param <K> the audience key
 */
final class ViewFanout<S, K> {

    /** One frame and the subscribers it goes to. */
    record Frame(OutgoingMessage message, List<Peer> recipients) {}

    private final StateViews<S, K> views;
    private final StateDiffer<S> differ;
    private final Codecs codecs;
    private final ServerMetrics metrics;
    private final InstanceKey key;
    private final Map<K, OutgoingMessage> snapshots = new HashMap<>();
    private long snapshotsVersion = -1;

    ViewFanout(StateViews<S, K> views, StateDiffer<S> differ, Codecs codecs, ServerMetrics metrics, InstanceKey key) {
        this.views = views;
        this.differ = differ;
        this.codecs = codecs;
        this.metrics = metrics;
        this.key = key;
    }

    @SuppressWarnings("unchecked")
    static <S> ViewFanout<S, ?> of(StateViews<S, ?> views, StateDiffer<S> differ, Codecs codecs,
            ServerMetrics metrics, InstanceKey key) {
        return new ViewFanout<>((StateViews<S, Object>) views, differ, codecs, metrics, key);
    }

    /** The snapshot of the view {@code viewer} has of {@code state}, shared by its audience. */
    OutgoingMessage snapshot(S state, long version, Viewer viewer) {
        if (snapshotsVersion != version) {
            snapshots.clear();
            snapshotsVersion = version;
        }
        K audience = Objects.requireNonNull(views.audience(state, viewer), "the @View.Audience method returned null");
        return snapshots.computeIfAbsent(audience, a -> codecs.encode(new StateSnapshot(key.actor(), key.id(),
                codecs.json().lazy(views.view(state, a)), OptionalLong.of(version))));
    }

    /**
     * The frames that bring every subscriber's view from {@code before} to {@code after}, at
     * {@code version}. An audience whose view did not change still gets an empty patch, so its
     * versions stay without gaps.
     */
    List<Frame> patches(Map<Peer, Viewer> subscribers, S before, S after, long version) {
        Map<Transition<K>, List<Peer>> groups = new LinkedHashMap<>();
        List<Peer> privileged = null;
        for (Map.Entry<Peer, Viewer> subscriber : subscribers.entrySet()) {
            if (Privilege.holds(subscriber.getValue())) {
                privileged = privileged == null ? new ArrayList<>() : privileged;
                privileged.add(subscriber.getKey());
                continue;
            }
            Transition<K> transition = new Transition<>(views.audience(before, subscriber.getValue()),
                    views.audience(after, subscriber.getValue()));
            groups.computeIfAbsent(transition, t -> new ArrayList<>()).add(subscriber.getKey());
        }
        Map<K, S> viewsBefore = new HashMap<>();
        Map<K, S> viewsAfter = new HashMap<>();
        List<Frame> frames = new ArrayList<>(groups.size());
        for (Map.Entry<Transition<K>, List<Peer>> group : groups.entrySet()) {
            S from = viewsBefore.computeIfAbsent(group.getKey().before(), a -> views.view(before, a));
            S to = viewsAfter.computeIfAbsent(group.getKey().after(), a -> views.view(after, a));
            PatchBuilder operations = new PatchBuilder();
            if (from != to) {
                differ.diff(from, to, operations);
            }
            OutgoingMessage patch = codecs.encode(new StatePatch(key.actor(), key.id(), operations.operations(),
                    OptionalLong.of(version)));
            metrics.patchEncoded();
            frames.add(new Frame(patch, group.getValue()));
        }
        if (privileged != null) {
            frames.add(new Frame(wholeStatePatch(before, after, version), privileged));
        }
        return frames;
    }

    /** What Studio's connections receive: the patch of the whole state, as if there were no views. */
    private OutgoingMessage wholeStatePatch(S before, S after, long version) {
        PatchBuilder operations = new PatchBuilder();
        differ.diff(before, after, operations);
        metrics.patchEncoded();
        return codecs.encode(new StatePatch(key.actor(), key.id(), operations.operations(), OptionalLong.of(version)));
    }

    /** A subscriber's audience before and after one commit. */
    private record Transition<K>(K before, K after) {
        Transition {
            Objects.requireNonNull(before, "the @View.Audience method returned null");
            Objects.requireNonNull(after, "the @View.Audience method returned null");
        }
    }
}
