package dev.zocket.protocol;

import dev.zocket.json.PatchOperation;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code state:patch}: the RFC 6902 operations that turn the previous state into the next.
 *
 * @param version the state version after applying the patch (extension; one more than the
 *     previous message's version, empty when an older server omits it)
 */
public record StatePatch(String actor, String actorId, List<PatchOperation> patches, OptionalLong version)
        implements ServerMessage {

    public StatePatch {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        patches = List.copyOf(patches);
        Objects.requireNonNull(version, "version");
    }

    @Override
    public MessageType type() {
        return MessageType.STATE_PATCH;
    }
}
