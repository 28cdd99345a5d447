package dev.showfloor.simulator;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/** Open-loop arrivals: operation i is due at i / rate seconds, whether or not earlier ones have finished. */
final class OpenLoop {
    /**
     * The load generator wakes at most once per tick and starts everything due by then. Parking for each
     * operation (every 66 µs at 15,000/s) cost it a wake-up and a context switch per operation: a paced hold cost
     * the load generator three times a burst's CPU, taken from the two cores the measured stack shares. A tick
     * bunches at most a millisecond's arrivals, well under the services' exactly-once commit interval
     * ({@link BenchMain#SERVICES_COMMIT_INTERVAL_MS}); each operation's latency still counts from when it was
     * actually started.
     */
    private static final long TICK_NANOS = 1_000_000;

    private OpenLoop() {
    }

    /**
     * Calls {@code send} with 0 … count − 1 at {@code perSecond}. First the load generator collects its own
     * garbage (what the phases before left, unmeasured), so that with its large young generation it seldom
     * pauses while it sends and times the phase: its pauses would count as the latency of whatever was in flight.
     */
    static void pace(double perSecond, int count, IntConsumer send) {
        System.gc();
        paceFrom(System.nanoTime(), perSecond, count, send);
    }

    /** Operation i is due at {@code start} (a {@link System#nanoTime()} reading) plus i / rate seconds. */
    static void paceFrom(long start, double perSecond, int count, IntConsumer send) {
        double intervalNanos = 1e9 / perSecond;
        int started = 0;
        while (started < count) {
            int due = (int) Math.min(count, (System.nanoTime() - start) / intervalNanos + 1);
            while (started < due) {
                send.accept(started++);
            }
            if (started < count) {
                long untilNext = start + (long) (started * intervalNanos) - System.nanoTime();
                LockSupport.parkNanos(Math.max(untilNext, TICK_NANOS)); // pacing the load, not synchronizing
            }
        }
    }
}
