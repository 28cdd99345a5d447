package dev.showfloor.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition with a deadline, checking that the process it depends on is still alive. */
public final class Await {
    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> null);
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, failing fast once {@code failureIfDead} says why. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> failureIfDead) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 50;
        while (true) {
            String dead = failureIfDead.get();
            if (dead != null) {
                throw new IllegalStateException(what + " failed: " + dead);
            }
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(pauseMillis); // polling back-off between checks, not synchronization
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 500);
        }
    }
}
