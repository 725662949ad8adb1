package dev.zocket.bench.jmh;

import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoomActor;
import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;
import dev.zocket.state.ImmutableLists;
import java.util.List;

/**
 * The example's drawing room with two changes for measuring large rounds: a round starts with
 * a given set of strokes already on the canvas, and it takes strokes past the example's
 * per-round cap. Everything else is the example's own code.
 */
final class PrefilledDrawingRoom implements DrawingRoom, ActorLifecycle {

    private final ActorContext<State, Events> context;
    private final DrawingRoomActor room;
    private final List<Stroke> canvas;

    PrefilledDrawingRoom(ActorContext<State, Events> context, List<Stroke> canvas) {
        this.context = context;
        this.room = new DrawingRoomActor(context);
        this.canvas = List.copyOf(canvas);
    }

    /** The example's round, with {@link #canvas} drawn already (as appends would have built it). */
    @Override
    public void startRound() {
        room.startRound();
        context.setState(context.state().withStrokes(ImmutableLists.appendAll(List.of(), canvas)));
    }

    /** The example's {@code draw} without its cap on strokes per round. */
    @Override
    public void draw(Draw input) {
        State state = context.state();
        if (state.phase() == Phase.DRAWING) {
            context.setState(state.withStrokes(ImmutableLists.append(state.strokes(), input.stroke())));
        }
    }

    @Override
    public Joined join(Join input) {
        return room.join(input);
    }

    @Override
    public void rename(Rename input) {
        room.rename(input);
    }

    @Override
    public void leave() {
        room.leave();
    }

    @Override
    public void skipRound() {
        room.skipRound();
    }

    @Override
    public GuessResult guess(Attempt input) {
        return room.guess(input);
    }

    @Override
    public void onActivate() {
        room.onActivate();
    }

    @Override
    public void onDisconnect(Caller client) {
        room.onDisconnect(client);
    }
}
