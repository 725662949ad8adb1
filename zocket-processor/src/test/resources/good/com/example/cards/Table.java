package com.example.cards;

import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;
import java.util.Map;

/** A card table where each player sees only their own hand: a contract with views. */
@Actor("table")
public interface Table {

    record State(Map<String, String> hands, int pot) {}

    void bet(Bet bet);

    record Bet(int amount) {}

    /** Each player is an audience of their own; everyone else shares the spectators' one. */
    @View.Audience
    static String seat(State state, Viewer viewer) {
        return state.hands().containsKey(viewer.clientId()) ? viewer.clientId() : "";
    }

    @View
    static State view(State state, String seat) {
        String hand = state.hands().get(seat);
        return new State(hand == null ? Map.of() : Map.of(seat, hand), state.pot());
    }
}
