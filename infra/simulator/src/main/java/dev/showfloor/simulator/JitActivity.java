package dev.showfloor.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Seconds each process of the local stack has spent compiling so far (HotSpot's {@code java.ci.totalTime}), read
 * from the performance counters every HotSpot JVM publishes in {@code <tmpdir>/hsperfdata_<user>/<pid>} (what
 * {@code jstat -compiler} shows), without starting a tool per reading: a warm-up uses it to tell a service that
 * still compiles its hot code from one at steady state, which the rate alone cannot on a saturated machine.
 */
final class JitActivity {
    private static final int MAGIC = 0xcafec0c0;
    private static final String COMPILE_TICKS = "java.ci.totalTime";
    private static final String TICKS_PER_SECOND = "sun.os.hrt.frequency";
    private static final Path COUNTERS = Path.of(System.getProperty("java.io.tmpdir"),
            "hsperfdata_" + System.getProperty("user.name"));

    private JitActivity() {
    }

    /** Compile seconds so far by role ({@link StackCpu#eachProcess}); processes without readable counters are left out. */
    static Map<String, Double> compileSecondsSoFar() {
        Map<String, Double> seconds = new TreeMap<>();
        StackCpu.eachProcess((role, process) -> compileSeconds(COUNTERS.resolve(Long.toString(process.pid())))
                .ifPresent(compiled -> seconds.merge(role, compiled, Double::sum)));
        return seconds;
    }

    /** The compile seconds in one counters file, empty when it is missing or not in the format read here. */
    static OptionalDouble compileSeconds(Path countersFile) {
        try {
            Map<String, Long> counters = longCounters(ByteBuffer.wrap(Files.readAllBytes(countersFile)));
            Long ticks = counters.get(COMPILE_TICKS);
            Long frequency = counters.get(TICKS_PER_SECOND);
            return ticks == null || frequency == null || frequency <= 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) ticks / frequency);
        } catch (IOException | RuntimeException unreadable) { // gone, or being written while read
            return OptionalDouble.empty();
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
                counters.put(name(buffer, entry + buffer.getInt(entry + 4)), buffer.getLong(entry + buffer.getInt(entry + 16)));
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
