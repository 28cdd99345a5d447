package dev.showfloor.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one operation of a benchmark phase cost: the records it made the broker store ({@link BrokerRecords}) and
 * the CPU it took each process of the stack ({@link StackCpu}), both as the difference of two snapshots taken
 * around the phase, divided by its operations; and what the services' stream threads did ({@link StreamThreadTime}).
 */
final class PhaseCost {
    /** A benchmark phase that returns its operations per second. */
    @FunctionalInterface
    interface Phase {
        double run() throws InterruptedException;
    }

    /**
     * A phase's rate, its broker records per operation by topic, its CPU milliseconds per operation by role, how
     * the machine's CPU time went meanwhile ({@link MachineCpu#shares}), the seconds each role spent compiling
     * in it and the time it stood still ({@link HotSpotCounters}), and the broker's time by kind of request
     * ({@link BrokerRequestTimes}).
     */
    record Measured(double perSecond, Map<String, Double> recordsPerOperation, Map<String, Double> cpuMsPerOperation,
                    Map<String, Double> machineCpuShares, Map<String, Double> compileSeconds,
                    Map<String, Map<String, Double>> pauses, Map<String, Object> streamThreads,
                    Map<String, Object> brokerRequests) {
    }

    private PhaseCost() {
    }

    /** Runs {@code phase} of {@code operations} operations, counting the broker's records and the CPU around it. */
    static Measured around(String bootstrapServers, int operations, Phase phase) throws InterruptedException {
        return around(bootstrapServers, Map.of(), operations, phase);
    }

    /** As above, and what the stream threads of each service (by name and base URL) did in the phase. */
    static Measured around(String bootstrapServers, Map<String, String> streamServices, int operations, Phase phase)
            throws InterruptedException {
        try (BrokerRecords broker = new BrokerRecords(bootstrapServers);
             BrokerRequestTimes brokerRequests = BrokerRequestTimes.watchBroker()) {
            StreamThreadTime.Watch threads = StreamThreadTime.watchServices(streamServices);
            Map<String, Long> records = broker.byTopic();
            Map<String, Double> cpu = StackCpu.millisSoFar();
            Optional<MachineCpu.Ticks> machine = MachineCpu.now();
            Map<String, HotSpotCounters.Reading> jvms = HotSpotCounters.soFar();
            double perSecond = phase.run();
            Map<String, Double> cpuPerOperation = perOperation(cpu, StackCpu.millisSoFar(), operations);
            Map<String, HotSpotCounters.Reading> jvmsAfter = HotSpotCounters.soFar();
            return new Measured(perSecond, perOperation(records, broker.byTopic(), operations), cpuPerOperation,
                    MachineCpu.shares(machine, MachineCpu.now()),
                    perOperation(HotSpotCounters.compileSeconds(jvms), HotSpotCounters.compileSeconds(jvmsAfter), 1),
                    HotSpotCounters.pausesBetween(jvms, jvmsAfter), threads.report(), brokerRequests.report());
        }
    }

    /**
     * What one operation (or whatever else {@code operations} counts, a second say) added, per key of {@code after}
     * and in all ({@code total}), rounded to thousandths; keys that did not grow are left out.
     */
    static Map<String, Double> perOperation(Map<String, ? extends Number> before, Map<String, ? extends Number> after,
                                            double operations) {
        Map<String, Double> perOperation = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, ? extends Number> entry : after.entrySet()) {
            Number previous = before.get(entry.getKey());
            double added = entry.getValue().doubleValue() - (previous == null ? 0 : previous.doubleValue());
            if (added > 0) {
                perOperation.put(entry.getKey(), thousandths(added, operations));
                total += added;
            }
        }
        perOperation.put("total", thousandths(total, operations));
        return perOperation;
    }

    /** {@code part / whole} rounded to thousandths, as the benchmark reports print ratios and per-operation costs. */
    static double thousandths(double part, double whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }
}
