package dev.showfloor.simulator;

import java.time.Duration;

/**
 * Unmeasured rounds before a benchmark's measured phase. A freshly started stack compiles its hot code during its
 * first minutes, so rounds repeat until at least {@link #MINIMUM} has passed and two rounds in a row have stopped
 * climbing ({@link #steady}), or {@code maxRounds} have run. One steady round was not enough: checkout plateaued
 * for a round or two at 560/s and then climbed to 1,300/s, so runs that stopped on the plateau measured 40% less.
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
        untilSteady(label, maxRounds, MINIMUM, round);
    }

    /** Runs rounds as above, for at least {@code minimum}; returns how many ran. */
    static int untilSteady(String label, int maxRounds, Duration minimum, Round round) throws InterruptedException {
        long start = System.nanoTime();
        double previous = 0;
        int steadyInARow = 0;
        for (int n = 0; n < maxRounds; n++) {
            double rate = round.run(n);
            System.out.printf("  warm-up %d: %.0f %s%n", n + 1, rate, label);
            steadyInARow = steady(previous, rate) ? steadyInARow + 1 : 0;
            boolean longEnough = System.nanoTime() - start >= minimum.toNanos();
            if (longEnough && steadyInARow >= 2) {
                return n + 1;
            }
            previous = rate;
        }
        return maxRounds;
    }

    /**
     * A round within 5% above or 10% below the one before. "Within 10% either way" stopped runs that were still
     * climbing (checkout: 421 then 455/s, measured at 424/s in one run; 538, 564, then 648/s in the next), so a
     * saturation figure depended on how long the JIT had had.
     */
    static boolean steady(double previous, double rate) {
        return previous > 0 && rate <= previous * 1.05 && rate >= previous * 0.90;
    }
}
