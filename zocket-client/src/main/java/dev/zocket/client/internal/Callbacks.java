package dev.zocket.client.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs user callbacks so that one that throws is logged and disturbs nothing else. */
final class Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private Callbacks() {}

    static void safely(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("{} threw; the client carries on", what, e);
        }
    }
}
