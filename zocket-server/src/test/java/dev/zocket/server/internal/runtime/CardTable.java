package dev.zocket.server.internal.runtime;

import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;

/** A table where only the dealer sees the card: the views of the fan-out tests. */
@Actor("table")
public interface CardTable {

    record State(String dealerId, String card, int round) {}

    record Deal(String dealerId, String card) {}

    /** A new dealer and card, visible to the dealer only; the round advances for all. */
    void deal(Deal deal);

    /** A new card for the same dealer: the others' view does not change. */
    void redraw(Deal deal);

    /** The round advances; every view changes. */
    void tick();

    @View.Audience
    static boolean dealing(State state, Viewer viewer) {
        return viewer.clientId().equals(state.dealerId());
    }

    @View
    static State view(State state, boolean dealing) {
        return dealing ? state : new State(state.dealerId(), "", state.round());
    }
}
