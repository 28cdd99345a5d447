package dev.showfloor.streamskit;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/** Tells a registry that cannot be reached (wait for it) from a record that cannot be read (dead-letter it). */
public final class RegistryFailures {
    private static final Logger LOG = Logger.getLogger(RegistryFailures.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Apicurio's HTTP clients set no response timeout; a lost answer must not stall a thread for good. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

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

    /**
     * Runs one call that may go to the registry with a deadline: past {@link #CALL_TIMEOUT} the call is
     * interrupted and reported as an unreachable registry, so {@link #waitOut} asks again.
     */
    static <T> T withDeadline(String what, Supplier<T> call) {
        return withDeadline(what, call, CALL_TIMEOUT);
    }

    static <T> T withDeadline(String what, Supplier<T> call, Duration timeout) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().name("registry-call").start(() -> {
            try {
                answer.complete(call.get());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            caller.interrupt();
            throw new SerializationException("schema registry did not answer within " + timeout.toMillis()
                    + " ms while " + what, new SocketTimeoutException(e.getMessage()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new SerializationException("schema registry call failed while " + what, e.getCause());
        } catch (InterruptedException e) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while " + what, e);
        }
    }
}
