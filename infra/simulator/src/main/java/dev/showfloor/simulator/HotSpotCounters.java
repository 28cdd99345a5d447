package dev.showfloor.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What each JVM of the local stack has done besides running its code, read from the performance counters every
 * HotSpot JVM publishes in {@code <tmpdir>/hsperfdata_<user>/<pid>} (what {@code jstat} shows), without starting a
 * tool per reading: the seconds it spent compiling ({@code java.ci.totalTime}), which a warm-up uses to tell a
 * service that still compiles its hot code from one at steady state, and the safepoints that stopped all its
 * threads and the collections among them, which tell a phase's latency tail whether a process stood still in it.
 */
final class HotSpotCounters {
    private static final int MAGIC = 0xcafec0c0;
    private static final String COMPILE_TICKS = "java.ci.totalTime";
    private static final String TICKS_PER_SECOND = "sun.os.hrt.frequency";
    private static final String SAFEPOINTS = "sun.rt.safepoints";
    private static final String SAFEPOINT_TICKS = "sun.rt.safepointTime";
    private static final String SAFEPOINT_SYNC_TICKS = "sun.rt.safepointSyncTime";
    private static final Pattern COLLECTOR_TICKS = Pattern.compile("sun\\.gc\\.collector\\.\\d+\\.time");
    private static final Path COUNTERS = Path.of(System.getProperty("java.io.tmpdir"),
            "hsperfdata_" + System.getProperty("user.name"));

    /**
     * Stop-the-world time so far: safepoints (every collection pause is one, as are deoptimizations and other VM
     * operations), the milliseconds they stopped the threads, the part spent bringing the threads to a stop, and
     * the milliseconds of collection pauses among them.
     */
    record Pauses(long safepoints, double safepointMs, double reachingSafepointMs, double collectionMs) {

        /** What happened between {@code earlier} and this reading, with the mean safepoint. */
        Map<String, Double> since(Pauses earlier) {
            long count = safepoints - earlier.safepoints;
            double stoppedMs = safepointMs - earlier.safepointMs;
            Map<String, Double> report = new LinkedHashMap<>();
            report.put("safepoints", (double) count);
            report.put("stopped_ms", tenths(stoppedMs));
            report.put("reaching_safepoints_ms", tenths(reachingSafepointMs - earlier.reachingSafepointMs));
            report.put("collection_ms", tenths(collectionMs - earlier.collectionMs));
            report.put("mean_safepoint_ms", count == 0 ? 0.0 : Math.round(1000 * stoppedMs / count) / 1000.0);
            return report;
        }

        private static double tenths(double value) {
            return Math.round(10 * value) / 10.0;
        }
    }

    private HotSpotCounters() {
    }

    /** One JVM's counters so far, or several JVMs' summed: compile seconds and pauses. */
    record Reading(double compileSeconds, Pauses pauses) {
        Reading plus(Reading other) {
            return new Reading(compileSeconds + other.compileSeconds, new Pauses(
                    pauses.safepoints() + other.pauses.safepoints(), pauses.safepointMs() + other.pauses.safepointMs(),
                    pauses.reachingSafepointMs() + other.pauses.reachingSafepointMs(),
                    pauses.collectionMs() + other.pauses.collectionMs()));
        }
    }

    /**
     * Each role's counters so far ({@link StackCpu#eachProcess}), from one pass over the stack's processes, summed
     * over a role's processes (one each in the local stack); processes without readable counters are left out.
     */
    static Map<String, Reading> soFar() {
        Map<String, Reading> readings = new TreeMap<>();
        StackCpu.eachProcess((role, process) -> read(COUNTERS.resolve(Long.toString(process.pid())))
                .ifPresent(reading -> readings.merge(role, reading, Reading::plus)));
        return readings;
    }

    /** One JVM's counters file read, empty when it is missing or not in the format read here. */
    static Optional<Reading> read(Path countersFile) {
        return counters(countersFile).flatMap(counters -> {
            OptionalDouble compiled = compileSecondsIn(counters);
            return compiled.isEmpty() ? Optional.empty()
                    : pausesIn(counters).map(paused -> new Reading(compiled.getAsDouble(), paused));
        });
    }

    /** Compile seconds so far by role, as {@link #soFar}. */
    static Map<String, Double> compileSecondsSoFar() {
        return compileSeconds(soFar());
    }

    /** The compile seconds of each role's reading. */
    static Map<String, Double> compileSeconds(Map<String, Reading> readings) {
        Map<String, Double> seconds = new TreeMap<>();
        readings.forEach((role, reading) -> seconds.put(role, reading.compileSeconds()));
        return seconds;
    }

    private static OptionalDouble compileSecondsIn(Map<String, Long> counters) {
        Long ticks = counters.get(COMPILE_TICKS);
        Long frequency = counters.get(TICKS_PER_SECOND);
        return ticks == null || frequency == null || frequency <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) ticks / frequency);
    }

    /** What each role's JVM stood still for between two readings of {@link #soFar}. */
    static Map<String, Map<String, Double>> pausesBetween(Map<String, Reading> before, Map<String, Reading> after) {
        Map<String, Map<String, Double>> between = new TreeMap<>();
        after.forEach((role, read) -> {
            Reading earlier = before.get(role);
            if (earlier != null) {
                between.put(role, read.pauses().since(earlier.pauses()));
            }
        });
        return between;
    }

    private static Optional<Pauses> pausesIn(Map<String, Long> counters) {
        Long frequency = counters.get(TICKS_PER_SECOND);
        Long safepoints = counters.get(SAFEPOINTS);
        if (frequency == null || frequency <= 0 || safepoints == null) {
            return Optional.empty();
        }
        double msPerTick = 1000.0 / frequency;
        long collectionTicks = counters.entrySet().stream()
                .filter(counter -> COLLECTOR_TICKS.matcher(counter.getKey()).matches())
                .mapToLong(Map.Entry::getValue).sum();
        return Optional.of(new Pauses(safepoints, counters.getOrDefault(SAFEPOINT_TICKS, 0L) * msPerTick,
                counters.getOrDefault(SAFEPOINT_SYNC_TICKS, 0L) * msPerTick, collectionTicks * msPerTick));
    }

    private static Optional<Map<String, Long>> counters(Path countersFile) {
        try {
            return Optional.of(longCounters(ByteBuffer.wrap(Files.readAllBytes(countersFile))));
        } catch (IOException | RuntimeException unreadable) { // gone, or being written while read
            return Optional.empty();
        }
    }

    /**
     * The scalar long counters of an hsperfdata buffer (version 2): a prologue (magic, byte order, version, used
     * bytes, first entry's offset, entry count) and entries that each name their length, name and data offsets,
     * vector length and type.
     */
    static Map<String, Long> longCounters(ByteBuffer buffer) {
        if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
            throw new IllegalArgumentException("not an hsperfdata file");
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (buffer.get(5) != 2) {
            throw new IllegalArgumentException("hsperfdata version " + buffer.get(5) + " is not read here");
        }
        int entry = buffer.getInt(24);
        int entries = buffer.getInt(28);
        Map<String, Long> counters = new TreeMap<>();
        for (int n = 0; n < entries; n++) {
            int length = buffer.getInt(entry);
            int vectorLength = buffer.getInt(entry + 8);
            if (vectorLength == 0 && buffer.get(entry + 12) == 'J') {
                counters.put(name(buffer, entry + buffer.getInt(entry + 4)),
                        buffer.getLong(entry + buffer.getInt(entry + 16)));
            }
            entry += length;
        }
        return counters;
    }

    private static String name(ByteBuffer buffer, int start) {
        int end = start;
        while (buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
