package dev.showfloor.simulator;

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
                    : process.info().commandLine().flatMap(StackCpu::role);
            role.ifPresent(name -> action.accept(name, process));
        });
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
