package dev.zocket.testkit.chat;

import static dev.zocket.state.ImmutableLists.append;
import static dev.zocket.state.ImmutableLists.removeIf;

import dev.zocket.server.ActorContext;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public final class ChatActor implements Chat, ActorLifecycle {

    /** What a test's middleware attaches for {@link #hold()} to wait on. */
    public record Gate(CompletableFuture<Void> future) {}

    private final ActorContext<State, Events> context;

    public ChatActor(ActorContext<State, Events> context) {
        this.context = context;
    }

    @Override
    public CompletionStage<Void> hold() {
        return context.context(Gate.class).map(Gate::future).orElse(CompletableFuture.completedFuture(null));
    }

    @Override
    public Sent send(Send input) {
        Message message = new Message(context.caller().clientId(), input.text());
        State next = context.update(s -> s.withMessages(append(s.messages(), message)));
        context.emit().except(context.caller().clientId()).message(message);
        return new Sent(next.messages().size() - 1);
    }

    @Override
    public void clear() {
        context.update(s -> s.withMessages(List.of()));
    }

    @Override
    public void remind(Reminder reminder) {
        context.schedule(Duration.ofSeconds(reminder.seconds()), () -> {
            Message message = new Message("reminder", reminder.text());
            context.update(s -> s.withMessages(append(s.messages(), message)));
            context.emit().broadcast().message(message);
        });
    }

    @Override
    public void onConnect(Caller client) {
        context.update(s -> s.withOnline(append(s.online(), client.clientId())));
        context.emit().except(client.clientId()).joined(new Joined(client.clientId()));
    }

    @Override
    public void onDisconnect(Caller client) {
        context.update(s -> s.withOnline(removeIf(s.online(), id -> id.equals(client.clientId()))));
    }
}
