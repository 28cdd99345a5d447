package dev.showfloor.simulator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/** Open-loop arrivals: operation i starts at i / rate seconds, whether or not earlier ones have finished. */
final class OpenLoop {
    private OpenLoop() {
    }

    /**
     * Calls {@code send} with 0 … count − 1 at {@code perSecond}. First the load generator collects its own
     * garbage (what the phases before left, unmeasured), so that with its large young generation it seldom
     * pauses while it sends and times the phase: its pauses would count as the latency of whatever was in flight.
     */
    static void pace(double perSecond, int count, IntConsumer send) {
        System.gc();
        long interval = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the load, not synchronizing
            }
            send.accept(i);
            next += interval;
        }
    }
}
