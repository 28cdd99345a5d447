package dev.showfloor.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the local stack's processes used across a stretch of time: CPU seconds in all and in their JIT compiler
 * threads by role ({@link StackCpu}), each with its {@code total}. Empty when the stack runs elsewhere.
 */
record StackUse(Map<String, Double> cpuSeconds, Map<String, Double> compilerCpuSeconds) {
    /** The demo's or benchmark's own JVM, cold in every run, so its compiling says nothing about the stack. */
    private static final String SELF = "load_generator";
    private static final String TOTAL = "total";
    /**
     * Measured on 2 cores with the demo's drop of 2,000 orders, three fresh stacks: the services' compilers took
     * 45-47% of their CPU in the first drop, 35-41% in the third and 16-32% from the fourth on (42% once), as
     * checkout's rarer per-order methods reach C2 only after 10,000-25,000 orders.
     */
    private static final double WARMING_UP_COMPILE_SHARE = 1.0 / 3;

    /** Counters so far (not yet a stretch: see {@link #until}), from one pass over the machine's processes. */
    static StackUse now() {
        Map<String, Double> cpuSeconds = new TreeMap<>();
        Map<String, Double> compilerCpuSeconds = new TreeMap<>();
        StackCpu.eachProcess((role, process) -> {
            StackCpu.cpuMillis(process).ifPresent(millis -> cpuSeconds.merge(role, millis / 1000, Double::sum));
            StackCpu.compilerMillis(process)
                    .ifPresent(millis -> compilerCpuSeconds.merge(role, millis / 1000, Double::sum));
        });
        return new StackUse(cpuSeconds, compilerCpuSeconds);
    }

    /** What was used from these counters to {@code later}. */
    StackUse until(StackUse later) {
        return new StackUse(ofTheStack(PhaseCost.perOperation(cpuSeconds, later.cpuSeconds, 1)),
                ofTheStack(PhaseCost.perOperation(compilerCpuSeconds, later.compilerCpuSeconds, 1)));
    }

    /**
     * Whether the services' JIT compilers took more than {@link #WARMING_UP_COMPILE_SHARE} of the services' CPU
     * (the broker's and registry's included, this JVM's not).
     */
    boolean servicesWarmingUp() {
        return servicesCompileShare() > WARMING_UP_COMPILE_SHARE;
    }

    double servicesCompileShare() {
        double cpu = cpuSeconds.getOrDefault(TOTAL, 0.0) - cpuSeconds.getOrDefault(SELF, 0.0);
        double compiling = compilerCpuSeconds.getOrDefault(TOTAL, 0.0) - compilerCpuSeconds.getOrDefault(SELF, 0.0);
        return cpu > 0 ? compiling / cpu : 0;
    }

    String describeCpu() {
        return describe(cpuSeconds, "");
    }

    String describeCompiling() {
        return describe(compilerCpuSeconds,
                String.format(" (%.0f%% of the services' CPU)", 100 * servicesCompileShare()));
    }

    /** "12.3 s: checkout 5.1, broker 4.0, ..." by descending use, roles under a tenth of a second left out. */
    private static String describe(Map<String, Double> seconds, String afterTotal) {
        String parts = seconds.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(TOTAL) && entry.getValue() >= 0.1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format("%s %.1f", entry.getKey().equals(SELF) ? "this demo" : entry.getKey(),
                        entry.getValue()))
                .collect(Collectors.joining(", "));
        return String.format("%.1f s%s%s", seconds.getOrDefault(TOTAL, 0.0), afterTotal,
                parts.isEmpty() ? "" : ": " + parts);
    }

    /** Nothing but this JVM and the total (the stack runs on another machine) is no figure of the stack. */
    private static Map<String, Double> ofTheStack(Map<String, Double> used) {
        return used.keySet().stream().allMatch(role -> role.equals(TOTAL) || role.equals(SELF)) ? Map.of() : used;
    }
}
