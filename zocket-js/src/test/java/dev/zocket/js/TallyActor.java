package dev.zocket.js;

import dev.zocket.server.ActorContext;
import java.util.ArrayList;
import java.util.List;

/** The tally's rules: each addition is appended to the entries and announced. */
public final class TallyActor implements Tally {

    private final ActorContext<State, Events> context;

    public TallyActor(ActorContext<State, Events> context) {
        this.context = context;
    }

    @Override
    public int add(Add input) {
        String by = context.caller().clientId();
        State next = context.update(s -> {
            List<Entry> entries = new ArrayList<>(s.entries());
            entries.add(new Entry(by, input.amount()));
            return new State(s.total() + input.amount(), entries);
        });
        context.emit().broadcast().added(new Added(next.total(), by));
        return next.total();
    }

    @Override
    public void reset() {
        context.update(s -> new State());
    }
}
