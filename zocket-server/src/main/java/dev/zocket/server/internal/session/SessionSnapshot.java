package dev.zocket.server.internal.session;

import dev.zocket.server.Caller;
import dev.zocket.server.internal.runtime.InstanceKey;
import java.util.List;

/**
 * One open connection as diagnostics see it.
 *
 * @param caller its client id, user id and claims
 * @param stateSubscriptions the instances whose state it subscribes to
 * @param eventSubscriptions the instances whose events it subscribes to
 * @param instances every instance it has addressed
 * @param bufferedBytes what waits to be written to it
 * @param ageNanos how long it has been open
 */
public record SessionSnapshot(Caller caller, List<InstanceKey> stateSubscriptions, List<InstanceKey> eventSubscriptions,
        List<InstanceKey> instances, long bufferedBytes, long ageNanos) {}
