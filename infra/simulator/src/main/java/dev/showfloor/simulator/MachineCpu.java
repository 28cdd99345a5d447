package dev.showfloor.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the whole machine's CPU time was spent across a phase, from the kernel's counters (/proc/stat): busy,
 * idle, and stolen by the hypervisor for other guests. On a shared host the same code runs 1.5× faster or slower
 * from one hour to the next; steal tells whether the cores were taken away, or (near zero) whether every
 * instruction simply ran slower (caches and memory shared with the neighbours).
 */
final class MachineCpu {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Cumulative ticks of the first line of /proc/stat: user nice system idle iowait irq softirq steal. */
    record Ticks(long busy, long idle, long steal) {
    }

    private MachineCpu() {
    }

    /** The counters now; empty where there is no /proc/stat. */
    static Optional<Ticks> now() {
        try {
            return Optional.of(parse(Files.readAllLines(PROC_STAT).getFirst()));
        } catch (IOException | RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    static Ticks parse(String cpuLine) {
        String[] field = cpuLine.trim().split("\\s+");
        if (!"cpu".equals(field[0]) || field.length < 9) {
            throw new IllegalArgumentException("not the machine-wide line of /proc/stat: " + cpuLine);
        }
        long user = Long.parseLong(field[1]);
        long nice = Long.parseLong(field[2]);
        long system = Long.parseLong(field[3]);
        long idle = Long.parseLong(field[4]);
        long ioWait = Long.parseLong(field[5]);
        long irq = Long.parseLong(field[6]);
        long softIrq = Long.parseLong(field[7]);
        long steal = Long.parseLong(field[8]);
        return new Ticks(user + nice + system + irq + softIrq, idle + ioWait, steal);
    }

    /** Shares of the ticks between two readings (busy, idle, steal; they add up to 1), empty if either is. */
    static Map<String, Double> shares(Optional<Ticks> before, Optional<Ticks> after) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (before.isEmpty() || after.isEmpty()) {
            return shares;
        }
        long busy = after.get().busy() - before.get().busy();
        long idle = after.get().idle() - before.get().idle();
        long steal = after.get().steal() - before.get().steal();
        double all = busy + idle + steal;
        if (all <= 0) {
            return shares;
        }
        shares.put("busy", PhaseCost.thousandths(busy, all));
        shares.put("idle", PhaseCost.thousandths(idle, all));
        shares.put("steal", PhaseCost.thousandths(steal, all));
        return shares;
    }
}
