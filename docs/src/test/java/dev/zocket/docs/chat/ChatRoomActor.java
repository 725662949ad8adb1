package dev.zocket.docs.chat;

import static dev.zocket.state.ImmutableLists.append;

import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;

// tag::implementation[]
public final class ChatRoomActor implements ChatRoom, ActorLifecycle {

    private final ActorContext<State, Events> context;

    public ChatRoomActor(ActorContext<State, Events> context) {
        this.context = context;
    }

    @Override
    public Sent sendMessage(Send input) {
        Message message = new Message(context.caller().clientId(), input.text());
        State next = context.update(state -> state.withMessages(append(state.messages(), message)));
        context.emit().broadcast().newMessage(message);
        return new Sent(next.messages().size() - 1);
    }

    @Override
    public void clear() {
        context.update(state -> state.withMessages(java.util.List.of()));
    }

    @Override
    public void onConnect(Caller client) {
        context.emit().except(client.clientId()).newMessage(new Message("server", client.clientId() + " joined"));
    }
}
// end::implementation[]
