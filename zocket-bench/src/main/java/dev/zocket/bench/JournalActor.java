package dev.zocket.bench;

import dev.zocket.server.ActorContext;
import dev.zocket.spi.NoEvents;
import dev.zocket.state.ImmutableLists;
import java.util.ArrayList;
import java.util.List;

public final class JournalActor implements Journal {

    private final ActorContext<State, NoEvents> context;

    public JournalActor(ActorContext<State, NoEvents> context) {
        this.context = context;
    }

    @Override
    public void append(Line line) {
        context.setState(new State(ImmutableLists.append(context.state().lines(), line.text())));
    }

    @Override
    public void fill(Fill fill) {
        List<String> lines = new ArrayList<>(fill.lines());
        int first = context.state().lines().size();
        for (int i = 0; i < fill.lines(); i++) {
            String number = "line " + (first + i) + " ";
            lines.add(number + "x".repeat(Math.max(0, fill.length() - number.length())));
        }
        context.setState(new State(ImmutableLists.appendAll(context.state().lines(), lines)));
    }
}
