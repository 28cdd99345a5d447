package dev.showfloor.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time each process of the local stack has used so far, by role. Across a phase, divided by its operations
 * ({@link PhaseCost}), it is what one operation costs each process: on this shared machine a far steadier figure than throughput,
 * which moves with whatever else the host runs.
 */
final class StackCpu {
    private static final Pattern SERVICE = Pattern.compile("services/([a-z-]+)/");
    private static final String PAYMENTS_MAIN = "dev.showfloor.checkout.payment.PaymentSimulatorServer";
    private static final Pattern COMPILER_THREAD = Pattern.compile("C[12] CompilerThre");
    /** utime's index in /proc/PID/task/TID/stat once the fields up to the thread's name are cut off. */
    private static final int UTIME_AFTER_NAME = 11;
    /** The kernel's USER_HZ, 100 on every Linux architecture the JDK runs on. */
    private static final double MILLIS_PER_TICK = 10.0;

    private StackCpu() {
    }

    /** Milliseconds of CPU used so far by the broker, the registry, each service and this load generator. */
    static Map<String, Double> millisSoFar() {
        Map<String, Double> used = new TreeMap<>();
        eachProcess((role, process) -> cpuMillis(process).ifPresent(millis -> used.merge(role, millis, Double::sum)));
        return used;
    }

    /** Milliseconds of CPU one process has used so far, if the system tells. */
    static Optional<Double> cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6);
    }

    /**
     * Milliseconds of CPU one JVM's JIT compiler threads have used so far, from the kernel's per-thread counters
     * (HotSpot names them "C1 CompilerThread0" and so on); empty off Linux. HotSpot's own compile time
     * ({@link HotSpotCounters}) is wall time per compile task, which on a saturated machine counts the compilers'
     * waits for a core as well.
     */
    static Optional<Double> compilerMillis(ProcessHandle process) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            return Optional.of(threads.mapToLong(StackCpu::compilerThreadTicks).sum() * MILLIS_PER_TICK);
        } catch (IOException | UncheckedIOException | SecurityException notThere) {
            return Optional.empty();
        }
    }

    private static long compilerThreadTicks(Path thread) {
        try {
            return compilerTicks(Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException gone) {
            return 0; // the thread ended between listing and reading
        }
    }

    /** A thread's user and system ticks from its /proc stat line if it is a JIT compiler thread, else 0. */
    static long compilerTicks(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
        if (!COMPILER_THREAD.matcher(name).lookingAt()) {
            return 0;
        }
        // After the name: state is field 3 of proc(5)'s stat, utime 14 and stime 15.
        String[] fields = stat.substring(nameEnd + 2).trim().split(" ");
        return Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]);
    }

    /** Hands every process of the local stack, and this load generator, to {@code action} with its role. */
    static void eachProcess(BiConsumer<String, ProcessHandle> action) {
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            Optional<String> role = process.pid() == self ? Optional.of("load_generator")
                    : commandLine(process).flatMap(StackCpu::role);
            role.ifPresent(name -> action.accept(name, process));
        });
    }

    /**
     * The whole command line: the JDK's own view of it stops after the first 4 KiB on Linux, before the broker's
     * main class once its class path and a few extra JVM options come first.
     */
    static Optional<String> commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return Optional.of(Files.readString(cmdline, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException | UncheckedIOException | SecurityException notThere) {
            return process.info().commandLine(); // not Linux, or the process has just ended
        }
    }

    /** Which part of the stack a command line starts, if any. */
    static Optional<String> role(String commandLine) {
        if (commandLine.contains(PAYMENTS_MAIN)) {
            return Optional.of("payments"); // on checkout's class path, but a process of its own
        }
        Matcher service = SERVICE.matcher(commandLine);
        if (service.find()) {
            return Optional.of(service.group(1));
        }
        if (commandLine.contains("kafka.Kafka")) {
            return Optional.of("broker");
        }
        return commandLine.contains("apicurio") ? Optional.of("registry") : Optional.empty();
    }
}
