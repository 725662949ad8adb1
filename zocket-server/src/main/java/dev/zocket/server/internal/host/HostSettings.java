package dev.zocket.server.internal.host;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.Authenticator;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.authz.Authorization;

/** What a {@link dev.zocket.server.ZocketBuilder} collected, resolved, for building a host. */
public record HostSettings(ActorCatalog catalog, Authenticator authenticator, ServerLimits limits, JsonCodec json,
        Authorization authorization) {}
