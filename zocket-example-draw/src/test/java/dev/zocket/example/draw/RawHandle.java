package dev.zocket.example.draw;

import dev.zocket.json.JsonType;
import dev.zocket.spi.ActorChannel;
import dev.zocket.spi.HandleFactory;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** An untyped handle to the draw actor, for sending inputs the typed one cannot express. */
final class RawHandle {

    static final HandleFactory<RawHandle> FACTORY = new HandleFactory<>() {
        @Override
        public String actorName() {
            return "draw";
        }

        @Override
        public RawHandle create(ActorChannel channel) {
            return new RawHandle(channel);
        }
    };

    private final ActorChannel channel;

    private RawHandle(ActorChannel channel) {
        this.channel = channel;
    }

    CompletableFuture<JsonNode> call(String method, JsonNode input) {
        return channel.call(method, input, JsonType.of(JsonNode.class));
    }
}
