package dev.showfloor.streamskit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Tells a registry that cannot be reached (wait for it) from a record that cannot be read (dead-letter it). */
public final class RegistryFailures {
    private static final Logger LOG = Logger.getLogger(RegistryFailures.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private RegistryFailures() {
    }

    /** Connection refused, reset or closed on the way to the registry: a transient condition. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (cause instanceof IOException || type.endsWith("HttpClosedException")
                    || type.endsWith("ConnectTimeoutException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Runs {@code attempt} until it does not fail for an unreachable registry, backing off between attempts on
     * the calling thread (a stream thread pauses; readiness reports the registry down meanwhile). Any other
     * failure, or an interrupt, is passed on.
     */
    static <T> T waitOut(String what, Supplier<T> attempt) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!unreachable(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("schema registry unreachable while %s; retrying in %d ms", what, backoff.toMillis());
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
