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

/**
 * CPU time each process of the local stack has used so far, by role. Across a phase, divided by its operations
 * ({@link PhaseCost}), it is what one operation costs each process: on this shared machine a far steadier figure than throughput,
 * which moves with whatever else the host runs.
 */
final class StackCpu {
    private static final Pattern SERVICE = Pattern.compile("services/([a-z-]+)/");

    private StackCpu() {
    }

    /** Milliseconds of CPU used so far by the broker, the registry, each service and this load generator. */
    static Map<String, Double> millisSoFar() {
        Map<String, Double> used = new TreeMap<>();
        eachProcess((role, process) -> process.info().totalCpuDuration()
                .ifPresent(cpu -> used.merge(role, cpu.toNanos() / 1e6, Double::sum)));
        return used;
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
