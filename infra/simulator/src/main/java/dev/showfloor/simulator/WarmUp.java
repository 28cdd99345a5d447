package dev.showfloor.simulator;

import java.time.Duration;

/**
 * Unmeasured rounds before a benchmark's measured phase. A freshly started stack compiles its hot code during its
 * first minutes, so rounds repeat until at least {@link #MINIMUM} has passed and two rounds in a row agree within
 * 10%, or {@code maxRounds} have run.
 */
final class WarmUp {
    static final Duration MINIMUM = Duration.ofSeconds(45);

    /** One warm-up round; returns its rate in operations per second. */
    @FunctionalInterface
    interface Round {
        double run(int round) throws InterruptedException;
    }

    private WarmUp() {
    }

    static void untilSteady(String label, int maxRounds, Round round) throws InterruptedException {
        long start = System.nanoTime();
        double previous = 0;
        for (int n = 0; n < maxRounds; n++) {
            double rate = round.run(n);
            System.out.printf("  warm-up %d: %.0f %s%n", n + 1, rate, label);
            boolean longEnough = System.nanoTime() - start >= MINIMUM.toNanos();
            if (longEnough && Math.abs(rate - previous) <= 0.10 * previous) {
                return;
            }
            previous = rate;
        }
    }
}
