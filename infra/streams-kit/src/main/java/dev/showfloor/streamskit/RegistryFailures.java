package dev.showfloor.streamskit;

import java.io.IOException;

/** Tells a registry that cannot be reached (wait for it) from a record that cannot be read (dead-letter it). */
public final class RegistryFailures {
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
}
