package dev.showfloor.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Unmeasured rounds before a benchmark's measured phase. A freshly started stack compiles its hot code during its
 * first minutes, so rounds repeat until at least {@link #MINIMUM} has passed, the stack's JIT compilers have
 * quieted ({@link #settled}: two rounds in a row) and the last round stopped climbing ({@link #steady}), or
 * {@code maxRounds} have run or {@link #LIMIT} has passed.
 * <p>
 * The rate alone was not enough: on a saturated machine a service that compiles on one core plateaus for a round
 * or two (checkout at 557 and 574/s while it compiled for 10.5 s in a 10.5 s round) and then climbs to
 * 1,300/s, so runs that stopped on the plateau measured 40% less at twice the CPU per order.
 */
final class WarmUp {
    static final Duration MINIMUM = Duration.ofSeconds(45);
    /**
     * Long enough for a fresh stack: its compilers quiet after 100–150 s of checkout's load in some runs, and
     * still compile for 14–27% of a round after 3 min in others (measured there at 975/s; the same stack warm,
     * 1,410/s at two thirds of the CPU per order).
     */
    static final Duration LIMIT = Duration.ofMinutes(6);
    /**
     * The stack's compile seconds per second of a round under which its compilers count as quiet. Checkout's
     * C2 keeps recompiling now and then long after its warm-up (0.0–0.7 s in 5 s rounds after several minutes),
     * while a service still warming up compiles for whole seconds per second.
     */
    static final double SETTLED_COMPILE_SHARE = 0.10;

    /** One warm-up round; returns its rate in operations per second. */
    @FunctionalInterface
    interface Round {
        double run(int round) throws InterruptedException;
    }

    /**
     * How the warm-up ended, for the report: its rounds and seconds, the compile seconds the stack spent in it,
     * the last round's compile share, and whether it ended settled rather than at its limit.
     */
    record Outcome(int rounds, double seconds, double compileSeconds, double lastCompileShare, boolean settled) {
        Map<String, Object> asReport() {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("rounds", rounds);
            report.put("seconds", Math.round(seconds * 10) / 10.0);
            report.put("compile_seconds", Math.round(compileSeconds * 10) / 10.0);
            report.put("last_round_compile_share", Math.round(lastCompileShare * 1000) / 1000.0);
            report.put("settled", settled);
            return report;
        }
    }

    private WarmUp() {
    }

    /**
     * Rounds as above, watching the local stack's compilers, for {@link #MINIMUM} to {@link #LIMIT}. After each
     * round the broker's request metrics are read as around a measured phase ({@link PhaseCost}), so the code
     * of that reading, here and in the broker, is compiled before anything is measured and not during it.
     */
    static Outcome untilSteady(String label, Round round) throws InterruptedException {
        try (BrokerRequestTimes reading = BrokerRequestTimes.watchBroker()) {
            return untilSteady(label, Integer.MAX_VALUE, MINIMUM, WarmUp::stackCompileSecondsSoFar, n -> {
                double rate = round.run(n);
                reading.report();
                return rate;
            });
        }
    }

    /**
     * Rounds as above, at most {@code maxRounds}, for at least {@code minimum}, with {@code compiledSoFar}
     * telling the compile seconds.
     */
    static Outcome untilSteady(String label, int maxRounds, Duration minimum, DoubleSupplier compiledSoFar,
                               Round round) throws InterruptedException {
        long start = System.nanoTime();
        double firstCompiled = compiledSoFar.getAsDouble();
        double compiled = firstCompiled;
        double previousRate = 0;
        int quietInARow = 0;
        double compileShare = 0;
        int n = 0;
        for (; n < maxRounds && System.nanoTime() - start < LIMIT.toNanos(); n++) {
            long roundStart = System.nanoTime();
            double rate = round.run(n);
            double roundSeconds = Math.max((System.nanoTime() - roundStart) / 1e9, 1e-3);
            double compiledBefore = compiled;
            compiled = compiledSoFar.getAsDouble();
            compileShare = (compiled - compiledBefore) / roundSeconds;
            quietInARow = settled(compileShare) ? quietInARow + 1 : 0;
            System.out.printf("  warm-up %d: %.0f %s, compiling %.0f%% of the round%n", n + 1, rate, label,
                    compileShare * 100);
            boolean longEnough = System.nanoTime() - start >= minimum.toNanos();
            if (longEnough && quietInARow >= 2 && steady(previousRate, rate)) {
                return outcome(n + 1, start, compiled - firstCompiled, compileShare, true);
            }
            previousRate = rate;
        }
        System.out.printf("  warm-up ended at its limit after %d rounds, not settled%n", n);
        return outcome(n, start, compiled - firstCompiled, compileShare, false);
    }

    private static Outcome outcome(int rounds, long start, double compileSeconds, double lastShare, boolean settled) {
        return new Outcome(rounds, (System.nanoTime() - start) / 1e9, compileSeconds, lastShare, settled);
    }

    /**
     * A round within 5% above or 10% below the one before. "Within 10% either way" stopped runs that were still
     * climbing (checkout: 421 then 455/s, measured at 424/s in one run; 538, 564, then 648/s in the next), so a
     * saturation figure depended on how long the JIT had had.
     */
    static boolean steady(double previous, double rate) {
        return previous > 0 && rate <= previous * 1.05 && rate >= previous * 0.90;
    }

    /** Whether the stack compiled for at most {@link #SETTLED_COMPILE_SHARE} of a round's time. */
    static boolean settled(double compileSecondsPerSecond) {
        return compileSecondsPerSecond <= SETTLED_COMPILE_SHARE;
    }

    private static double stackCompileSecondsSoFar() {
        return HotSpotCounters.compileSecondsSoFar().values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
