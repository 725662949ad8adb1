package dev.zocket.client.internal;

/** One actor instance as the client addresses it. Immutable. */
record HandleKey(String actor, String id) {

    @Override
    public String toString() {
        return actor + "/" + id;
    }
}
