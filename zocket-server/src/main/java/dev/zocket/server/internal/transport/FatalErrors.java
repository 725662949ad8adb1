package dev.zocket.server.internal.transport;

/**
 * What a server thread does when the JVM itself fails ({@link VirtualMachineError}: out of
 * memory, stack overflow, an internal error): it halts the process. A server whose I/O thread
 * died would keep its ports bound and answer nothing (a zombie that ignores SIGTERM, since
 * shutdown hooks may need memory too); exiting lets the supervisor (systemd, Kubernetes, Docker)
 * restart it. The exit status is 3, as with {@code -XX:+ExitOnOutOfMemoryError}, which is still
 * recommended for the application's own threads.
 */
public final class FatalErrors {

    /** The process's exit status after a fatal error. */
    public static final int EXIT_STATUS = 3;

    private FatalErrors() {}

    /** Halts the JVM if {@code error} is fatal to it; returns otherwise. */
    public static void haltIfFatal(Throwable error) {
        if (error instanceof VirtualMachineError) {
            try {
                // Standard error, not the logger: after an OutOfMemoryError a logger may need memory it cannot get.
                System.err.println("zocket: fatal " + error + " on thread " + Thread.currentThread().getName()
                        + "; halting with status " + EXIT_STATUS);
            } finally {
                Runtime.getRuntime().halt(EXIT_STATUS);
            }
        }
    }
}
