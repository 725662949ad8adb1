package dev.zocket.example.draw;

import static dev.zocket.state.ImmutableLists.append;
import static dev.zocket.state.ImmutableLists.removeAt;
import static dev.zocket.state.ImmutableLists.replaceIf;

import dev.zocket.Subscription;
import dev.zocket.RpcException;
import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The game's rules. A round ends on a correct guess, when its drawer skips, or on a timer the
 * instance schedules for itself, so a room never waits for a drawer who walked away.
 */
public final class DrawingRoomActor implements DrawingRoom, ActorLifecycle {

    /** Player colours, handed out in turn. */
    public static final List<String> PLAYER_COLORS = List.of(
            "#ef4444", "#3b82f6", "#22c55e", "#f59e0b", "#a855f7", "#ec4899", "#14b8a6", "#f97316");

    /** Bounds against abuse, not against play. */
    static final int MAX_STROKES_PER_ROUND = 5_000;
    static final int MAX_GUESSES_PER_ROUND = 500;

    private final ActorContext<State, Events> context;
    private final RandomGenerator random;
    private final Clock clock;
    private final Duration roundLength;
    private Subscription roundTimer = () -> {};

    /** Rounds of {@code roundSeconds} as a fresh {@link State} has it (80 seconds). */
    public DrawingRoomActor(ActorContext<State, Events> context) {
        this(context, RandomGenerator.getDefault(), Clock.systemUTC());
    }

    /**
     * With a given source of randomness, so tests can know the word, and a clock, which dates
     * {@code roundEndsAt} (the round's timer itself runs on the instance's scheduler).
     */
    public DrawingRoomActor(ActorContext<State, Events> context, RandomGenerator random, Clock clock) {
        this(context, random, clock, Duration.ofSeconds(new State().roundSeconds()));
    }

    /** With rounds of {@code roundLength}, in whole seconds of at least one. */
    public DrawingRoomActor(ActorContext<State, Events> context, RandomGenerator random, Clock clock,
            Duration roundLength) {
        if (roundLength.toSeconds() < 1) {
            throw new IllegalArgumentException("A round lasts at least a second, got " + roundLength);
        }
        this.context = context;
        this.random = random;
        this.clock = clock;
        this.roundLength = Duration.ofSeconds(roundLength.toSeconds());
    }

    @Override
    public void onActivate() {
        context.update(state -> state.withRoundSeconds(Math.toIntExact(roundLength.toSeconds())));
    }

    @Override
    public Joined join(Join input) {
        String connectionId = context.caller().clientId();
        State state = context.state();
        for (Player player : state.players()) {
            if (player.name().equals(input.name())) {
                context.setState(state.withPlayers(replaceIf(state.players(), p -> p == player,
                        p -> p.withConnectionId(connectionId))));
                return new Joined(player.id(), player.color());
            }
        }
        String id = newPlayerId();
        String color = PLAYER_COLORS.get(state.players().size() % PLAYER_COLORS.size());
        context.setState(state.withPlayers(append(state.players(), new Player(id, input.name(), 0, color, connectionId))));
        return new Joined(id, color);
    }

    @Override
    public void rename(Rename input) {
        State state = context.state();
        int seat = callersSeat(state);
        Player player = state.players().get(seat);
        boolean taken = state.players().stream().anyMatch(p -> p != player && p.name().equals(input.name()));
        if (taken) {
            throw RpcException.conflict("Someone in this room is already called " + input.name());
        }
        context.setState(state.withPlayers(replaceIf(state.players(), p -> p == player, p -> p.withName(input.name()))));
    }

    @Override
    public void leave() {
        State state = context.state();
        context.setState(withoutSeat(state, callersSeat(state)));
    }

    // tag::timer[]
    @Override
    public void startRound() {
        State state = context.state();
        if (state.players().size() < 2) {
            throw RpcException.conflict("Need at least 2 players");
        }
        boolean newGame = state.round() >= state.maxRounds() && state.phase() != Phase.DRAWING;
        List<Player> players = newGame
                ? state.players().stream().map(p -> p.withScore(0)).toList()
                : state.players();
        int round = newGame ? 1 : state.round() + 1;
        String word = Words.pick(random);
        Duration length = Duration.ofSeconds(state.roundSeconds());
        long endsAt = clock.millis() + length.toMillis();
        context.setState(new State(players, Phase.DRAWING, players.get((round - 1) % players.size()).id(), word,
                Words.hint(word), List.of(), List.of(), round, state.maxRounds(), endsAt, state.roundSeconds()));
        roundTimer.cancel();
        roundTimer = context.schedule(length, () -> endOnTime(round, endsAt));
    }

    /** The round's timer: ends the round unless it already ended, or another began. */
    private void endOnTime(int round, long endsAt) {
        State state = context.state();
        if (state.phase() == Phase.DRAWING && state.round() == round && state.roundEndsAt() == endsAt) {
            endWithoutWinner(state, EndReason.TIME_UP);
        }
    }
    // end::timer[]

    @Override
    public void skipRound() {
        State state = context.state();
        if (state.phase() != Phase.DRAWING) {
            throw RpcException.conflict("No round is being drawn");
        }
        if (!state.players().get(callersSeat(state)).id().equals(state.drawerId())) {
            throw RpcException.forbidden("Only the drawer can skip the round");
        }
        endWithoutWinner(state, EndReason.SKIPPED);
    }

    private void endWithoutWinner(State state, EndReason reason) {
        context.setState(endRound(state));
        context.emit().broadcast().roundEnded(new RoundEnded(state.word(), reason));
    }

    /** The state with the round over and its timer called off. */
    private State endRound(State state) {
        roundTimer.cancel();
        return state.withPhase(Phase.ROUND_END).withRoundEndsAt(0);
    }

    // tag::draw[]
    @Override
    public void draw(Draw input) {
        State state = context.state();
        if (state.phase() != Phase.DRAWING) {
            return; // a stroke still in flight when the round ended
        }
        if (!isDrawer(state, context.caller().clientId())) {
            throw RpcException.forbidden("Only the drawer can draw");
        }
        if (state.strokes().size() >= MAX_STROKES_PER_ROUND) {
            throw RpcException.conflict("This round already has " + MAX_STROKES_PER_ROUND + " strokes");
        }
        context.setState(state.withStrokes(append(state.strokes(), input.stroke())));
    }
    // end::draw[]

    private static boolean isDrawer(State state, String connectionId) {
        OptionalInt seat = seatOf(state, connectionId);
        return seat.isPresent() && state.players().get(seat.getAsInt()).id().equals(state.drawerId());
    }

    // tag::guess[]
    @Override
    public GuessResult guess(Attempt input) {
        State state = context.state();
        if (state.phase() != Phase.DRAWING) {
            return new GuessResult(false);
        }
        OptionalInt seat = seatOf(state, context.caller().clientId());
        if (seat.isEmpty() || !state.players().get(seat.getAsInt()).id().equals(input.playerId())) {
            return new GuessResult(false); // only the caller's own seat guesses
        }
        Player player = state.players().get(seat.getAsInt());
        if (player.id().equals(state.drawerId())) {
            return new GuessResult(false); // the drawer knows the word
        }
        if (state.guesses().size() >= MAX_GUESSES_PER_ROUND) {
            throw RpcException.conflict("This round already has " + MAX_GUESSES_PER_ROUND + " guesses");
        }
        boolean correct = input.text().trim().toLowerCase(Locale.ROOT).equals(state.word().toLowerCase(Locale.ROOT));
        State next = state.withGuesses(append(state.guesses(),
                new Guess(player.id(), player.name(), correct ? "Guessed correctly!" : input.text(), correct)));
        if (correct) {
            next = endRound(next.withPlayers(replaceIf(next.players(), p -> p == player, p -> p.withScore(p.score() + 10))));
            context.emit().broadcast().correctGuess(new CorrectGuess(player.name(), state.word()));
        }
        context.setState(next);
        return new GuessResult(correct);
    }
    // end::guess[]

    @Override
    public void onDisconnect(Caller client) {
        State state = context.state();
        seatOf(state, client.clientId()).ifPresent(seat -> context.setState(withoutSeat(state, seat)));
    }

    // tag::leave[]
    /** The state without a seat; when that was the drawer's, mid-round, the room goes back to the lobby. */
    private State withoutSeat(State state, int seat) {
        Player player = state.players().get(seat);
        State next = state.withPlayers(removeAt(state.players(), seat));
        if (player.id().equals(state.drawerId()) && state.phase() == Phase.DRAWING) {
            roundTimer.cancel();
            next = next.withPhase(Phase.LOBBY).withWord("").withStrokes(List.of()).withRoundEndsAt(0);
        }
        return next;
    }
    // end::leave[]

    /** The calling connection's seat; a connection without one cannot act for a player. */
    private int callersSeat(State state) {
        return seatOf(state, context.caller().clientId())
                .orElseThrow(() -> RpcException.conflict("Join the room first"));
    }

    private static OptionalInt seatOf(State state, String connectionId) {
        for (int i = 0; i < state.players().size(); i++) {
            if (state.players().get(i).connectionId().equals(connectionId)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private String newPlayerId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }
}
