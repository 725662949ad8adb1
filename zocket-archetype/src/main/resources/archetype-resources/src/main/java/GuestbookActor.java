package ${package};

import dev.zocket.server.ActorContext;
import dev.zocket.state.ImmutableLists;

/** The server side: one instance per guestbook id, handling one message at a time. */
public final class GuestbookActor implements Guestbook {

    private final ActorContext<State, Events> context;

    public GuestbookActor(ActorContext<State, Events> context) {
        this.context = context;
    }

    @Override
    public int sign(Sign input) {
        Entry entry = new Entry(input.name(), input.message());
        State next = context.update(state -> state.withEntries(ImmutableLists.append(state.entries(), entry)));
        context.emit().broadcast().signed(entry);
        return next.entries().size();
    }
}
