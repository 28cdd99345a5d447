package dev.showfloor.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            ProcessHandle.Info info = process.info();
            Optional<String> role = process.pid() == self ? Optional.of("load_generator")
                    : info.commandLine().flatMap(StackCpu::role);
            Optional<Duration> cpu = info.totalCpuDuration();
            if (role.isPresent() && cpu.isPresent()) {
                used.merge(role.get(), cpu.get().toNanos() / 1e6, Double::sum);
            }
        });
        return used;
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
