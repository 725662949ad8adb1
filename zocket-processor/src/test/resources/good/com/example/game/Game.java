package com.example.game;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.zocket.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/**
 * A contract using the types beyond records, lists and string maps: sealed interfaces (with
 * Zocket's default discriminator and with Jackson's), maps keyed by enums, UUIDs and numbers,
 * sorted maps and sets.
 */
@Actor("game")
public interface Game {

    record State(
            Phase phase,
            Map<Team, Integer> scores,
            Map<UUID, Player> players,
            SortedMap<Long, String> log,
            NavigableMap<Integer, String> ranks,
            Set<String> words,
            SortedSet<Team> teams)
            implements GameStateWithers {}

    sealed interface Phase permits Lobby, Round, Over {}

    record Lobby(List<String> ready) implements Phase {}

    record Round(int number, String drawer) implements Phase {}

    record Over() implements Phase {}

    enum Team {
        RED,
        @JsonProperty("blue-team") BLUE
    }

    record Player(String name, Team team) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    sealed interface Move permits Guess, Pass {}

    record Guess(@NotBlank String word) implements Move {}

    record Pass() implements Move {}

    Phase play(@Valid Move move);

    interface Events {
        void moved(Move move);
    }
}
