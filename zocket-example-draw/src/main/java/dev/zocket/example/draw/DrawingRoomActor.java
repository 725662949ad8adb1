package dev.zocket.example.draw;

import static dev.zocket.state.ImmutableLists.append;
import static dev.zocket.state.ImmutableLists.removeAt;
import static dev.zocket.state.ImmutableLists.replaceIf;

import dev.zocket.RpcException;
import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The game's rules. */
public final class DrawingRoomActor implements DrawingRoom, ActorLifecycle {

    /** Player colours, handed out in turn. */
    public static final List<String> PLAYER_COLORS = List.of(
            "#ef4444", "#3b82f6", "#22c55e", "#f59e0b", "#a855f7", "#ec4899", "#14b8a6", "#f97316");

    /** Bounds against abuse, not against play. */
    static final int MAX_STROKES_PER_ROUND = 5_000;
    static final int MAX_GUESSES_PER_ROUND = 500;

    private final ActorContext<State, Events> context;
    private final RandomGenerator random;

    public DrawingRoomActor(ActorContext<State, Events> context) {
        this(context, RandomGenerator.getDefault());
    }

    /** With a given source of randomness, so tests can know the word. */
    public DrawingRoomActor(ActorContext<State, Events> context, RandomGenerator random) {
        this.context = context;
        this.random = random;
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
        context.setState(new State(players, Phase.DRAWING, players.get((round - 1) % players.size()).id(), word,
                Words.hint(word), List.of(), List.of(), round, state.maxRounds()));
    }

    @Override
    public void draw(Draw input) {
        State state = context.state();
        if (state.phase() != Phase.DRAWING) {
            return;
        }
        if (state.strokes().size() >= MAX_STROKES_PER_ROUND) {
            throw RpcException.conflict("This round already has " + MAX_STROKES_PER_ROUND + " strokes");
        }
        context.setState(state.withStrokes(append(state.strokes(), input.stroke())));
    }

    // tag::guess[]
    @Override
    public GuessResult guess(Attempt input) {
        State state = context.state();
        if (state.phase() != Phase.DRAWING) {
            return new GuessResult(false);
        }
        Player player = state.players().stream().filter(p -> p.id().equals(input.playerId())).findFirst().orElse(null);
        if (player == null) {
            return new GuessResult(false);
        }
        if (state.guesses().size() >= MAX_GUESSES_PER_ROUND) {
            throw RpcException.conflict("This round already has " + MAX_GUESSES_PER_ROUND + " guesses");
        }
        boolean correct = input.text().trim().toLowerCase(Locale.ROOT).equals(state.word().toLowerCase(Locale.ROOT));
        State next = state.withGuesses(append(state.guesses(),
                new Guess(player.id(), player.name(), correct ? "Guessed correctly!" : input.text(), correct)));
        if (correct) {
            next = next.withPlayers(replaceIf(next.players(), p -> p == player, p -> p.withScore(p.score() + 10)))
                    .withPhase(Phase.ROUND_END);
            context.emit().broadcast().correctGuess(new CorrectGuess(player.name(), state.word()));
        }
        context.setState(next);
        return new GuessResult(correct);
    }
    // end::guess[]

    // tag::disconnect[]
    @Override
    public void onDisconnect(Caller client) {
        State state = context.state();
        for (int i = 0; i < state.players().size(); i++) {
            Player player = state.players().get(i);
            if (player.connectionId().equals(client.clientId())) {
                State next = state.withPlayers(removeAt(state.players(), i));
                if (player.id().equals(state.drawerId()) && state.phase() == Phase.DRAWING) {
                    next = next.withPhase(Phase.LOBBY).withWord("").withStrokes(List.of());
                }
                context.setState(next);
                return;
            }
        }
    }
    // end::disconnect[]

    private String newPlayerId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }
}
