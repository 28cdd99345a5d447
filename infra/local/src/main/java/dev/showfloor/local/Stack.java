package dev.showfloor.local;

import dev.showfloor.runtime.ApicurioRegistry;
import dev.showfloor.runtime.Await;
import dev.showfloor.runtime.ChildJvm;
import dev.showfloor.runtime.FreePorts;
import dev.showfloor.runtime.KafkaBroker;
import dev.showfloor.schemas.CatalogTopics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code stack up | down | status | logs [name]}: the local Showfloor stack as separate processes. */
public final class Stack {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /**
     * Inventory keeps its live stream state (positions, open holds, expiries) and its positions' record cache in
     * the heap, and both stream apps their Kafka clients; the headroom keeps young collections short under
     * benchmarks.
     */
    private static final Map<String, String> SERVICE_HEAPS = Map.of("inventory", "768m", "checkout", "512m");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackLayout layout;

    Stack(StackLayout layout) {
        this.layout = layout;
    }

    public static void main(String[] args) {
        Path repo = Path.of(System.getProperty("showfloor.repo", ".")).toAbsolutePath().normalize();
        Stack stack = new Stack(new StackLayout(repo, System.getenv()));
        String command = args.length == 0 ? "help" : args[0];
        int exit = switch (command) {
            case "up" -> stack.up(List.of(args).subList(1, args.length));
            case "down" -> stack.down();
            case "status" -> stack.status(List.of(args).subList(1, args.length));
            case "logs" -> stack.logs(args.length > 1 ? args[1] : null);
            default -> usage();
        };
        System.exit(exit);
    }

    private static int usage() {
        System.out.println("""
                usage: infra/local/stack <command>
                  demo [flags]  start what is not running, then run a simulated drop (--shoppers, --units, --skus,
                                --decline-rate, --seed, --json FILE) and leave the stack up
                  bench <name>  raw | inventory | checkout: benchmarks, JSON under target/bench/
                  up [name...]  start broker, registry, the payment simulator and every built service (or
                                broker, registry and the named ones) on 127.0.0.1
                  status [name...]  show what runs and whether it is healthy (all of it, or broker, registry
                                and the named services)
                  logs [name]   list the logs, or print the end of one (kafka, registry, a service)
                  down          stop everything 'up' started""");
        return 2;
    }

    /**
     * Broker and registry, and the named services (every built one, and the payment simulator, when none is
     * named): a benchmark of one service runs without the others, whose consumers would otherwise share its two
     * cores, and its checkout pays in process.
     */
    private Optional<List<Component>> selected(List<String> names) {
        List<Component> all = layout.components();
        List<String> unknown = names.stream()
                .filter(name -> all.stream().noneMatch(component -> component.name().equals(name))).toList();
        if (!unknown.isEmpty()) {
            System.err.println("error: no component named " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", all.stream().map(Component::name).toList()));
            return Optional.empty();
        }
        return Optional.of(all.stream().filter(component -> names.isEmpty() || names.contains(component.name())
                || component.kind() == Component.Kind.BROKER || component.kind() == Component.Kind.REGISTRY).toList());
    }

    int up(List<String> names) {
        Optional<List<Component>> selection = selected(names);
        if (selection.isEmpty()) {
            return 2;
        }
        List<Component> components = selection.get();
        List<Component> stopped = components.stream().filter(component -> liveProcess(component).isEmpty()).toList();
        List<String> running = running();
        if (stopped.isEmpty()) {
            System.out.println("The Showfloor stack is already running (" + String.join(", ", running)
                    + "). Use 'infra/local/stack status' to inspect it or 'infra/local/stack down' to stop it.");
            return 1;
        }
        if (!running.isEmpty()) {
            System.out.println("Already running: " + String.join(", ", running) + ". Starting the rest: "
                    + String.join(", ", stopped.stream().map(Component::name).toList()) + ".");
        }
        for (Component component : stopped) {
            for (int port : component.ports()) {
                if (FreePorts.isTaken(port)) {
                    System.err.printf("error: port %d (for %s) is already in use on %s; stop what holds it "
                                    + "(ss -ltnp 'sport = :%d') or move it with SHOWFLOOR_%s_PORT.%n", port,
                            component.name(), FreePorts.LOOPBACK, port, StackLayout.envKey(component.name()));
                    return 1;
                }
            }
        }
        if (running.isEmpty()) {
            cleanState();
        }
        // Checkout pays through the simulator's own process when it is part of this stack, so the provider's ledger
        // outlives checkout and every order's payment can be checked against it (the demo does).
        boolean paymentsProcess = components.stream()
                .anyMatch(component -> component.kind() == Component.Kind.PAYMENTS);
        List<ChildJvm> started = new ArrayList<>();
        try {
            // Broker and registry first (services need the catalog's topics), then the services. Within each
            // group every JVM starts before the first wait, so they warm up side by side.
            for (boolean infrastructure : List.of(true, false)) {
                List<Runnable> readinessChecks = new ArrayList<>();
                for (Component component : stopped) {
                    if ((component.kind() != Component.Kind.SERVICE) == infrastructure) {
                        readinessChecks.add(start(component, started, paymentsProcess));
                    }
                }
                readinessChecks.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            System.out.println();
            System.err.println("error: " + e.getMessage());
            System.err.println("stopping what this command started; logs stay in " + layout.stateDir);
            started.reversed().forEach(process -> {
                process.stop(STOP_GRACE);
                try {
                    Files.deleteIfExists(layout.pidFile(process.name()));
                } catch (IOException ignored) {
                    // best effort
                }
            });
            return 1;
        }
        System.out.println();
        printTable(components);
        System.out.println("\nLogs: infra/local/stack logs <name>    Stop: infra/local/stack down");
        return 0;
    }

    /** Starts one component without waiting; returns the wait for its readiness. */
    private Runnable start(Component component, List<ChildJvm> started, boolean paymentsProcess) {
        return switch (component.kind()) {
            case BROKER -> {
                KafkaBroker broker = KafkaBroker.start(layout.workDir(component.name()),
                        new KafkaBroker.Settings(layout.kafkaPort(), layout.kafkaControllerPort(),
                                layout.heap(component.name(), "768m"), false,
                                layout.extraJvmOptions(component.name())),
                        ChildJvm.Lifetime.DETACHED);
                started.add(record(component.name(), broker.process()));
                yield () -> {
                    progress(component.name(), () -> broker.awaitReady(READY_TIMEOUT));
                    progress("topics", () -> System.out.print(" " + CatalogTopics.createAll(layout.bootstrapServers())
                            + " created from the catalog"));
                };
            }
            case REGISTRY -> {
                ApicurioRegistry registry = ApicurioRegistry.start(layout.workDir(component.name()),
                        new ApicurioRegistry.Settings(layout.registryPort(), layout.registryManagementPort(),
                                layout.heap(component.name(), "384m"),
                                layout.workDir(component.name()).resolve("registry-db")),
                        ChildJvm.Lifetime.DETACHED);
                started.add(record(component.name(), registry.process()));
                yield () -> progress(component.name(), () -> registry.awaitReady(READY_TIMEOUT));
            }
            case PAYMENTS -> {
                ChildJvm process = record(component.name(), startPayments(component));
                started.add(process);
                yield awaitHealthy(component, process);
            }
            case SERVICE -> {
                ChildJvm process = record(component.name(), startService(component, paymentsProcess));
                started.add(process);
                yield awaitHealthy(component, process);
            }
        };
    }

    private static Runnable awaitHealthy(Component component, ChildJvm process) {
        return () -> progress(component.name(), () -> Await.until(component.name() + " becoming ready",
                READY_TIMEOUT, () -> httpStatus(component.healthUrl()) == 200, process::deathNotice));
    }

    private ChildJvm startPayments(Component payments) {
        createWorkDir(payments.name());
        return ChildJvm.start(payments.name(), ChildJvm.Lifetime.DETACHED, layout.paymentsClasspath(),
                List.of("-Xmx" + layout.heap(payments.name(), "128m"), "-XX:+UseSerialGC"),
                "dev.showfloor.checkout.payment.PaymentSimulatorServer",
                List.of("--port", Integer.toString(payments.ports().getFirst())), Map.of(),
                layout.workDir(payments.name()), layout.logFile(payments.name()));
    }

    private void createWorkDir(String name) {
        try {
            Files.createDirectories(layout.workDir(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<ProcessHandle> liveProcess(Component component) {
        return PidFile.read(layout.pidFile(component.name())).flatMap(PidFile::liveProcess);
    }

    private ChildJvm startService(Component service, boolean paymentsProcess) {
        Path runner = StackLayout.runnerJar(layout.repo.resolve("services").resolve(service.name()));
        int port = service.ports().getFirst();
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms64m", "-Xmx" + layout.heap(service.name(), SERVICE_HEAPS.getOrDefault(service.name(), "256m")),
                // The serial collector unless the extra options name another (ChildJvm keeps the last one named);
                // full tiered compilation (no TieredStopAtLevel): services are measured at steady state.
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=" + FreePorts.LOOPBACK,
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + layout.bootstrapServers(),
                "-Dshowfloor.registry.url=" + layout.registryApiUrl(),
                // Stream state belongs to this stack run (its broker starts fresh), never to a shared /tmp path.
                "-Dkafka-streams.state.dir=" + layout.workDir(service.name()).resolve("kafka-streams")));
        if (paymentsProcess && service.name().equals("checkout")) {
            jvmArgs.add("-Dshowfloor.payment.provider=remote-simulator");
            jvmArgs.add("-Dshowfloor.payment.remote-simulator.url=" + layout.paymentsUrl());
        }
        jvmArgs.addAll(layout.extraJvmOptions(service.name()));
        createWorkDir(service.name());
        return ChildJvm.start(service.name(), ChildJvm.Lifetime.DETACHED, List.of(runner.toString()), jvmArgs,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), Map.of(),
                layout.workDir(service.name()), layout.logFile(service.name()));
    }

    private ChildJvm record(String name, ChildJvm process) {
        PidFile.write(layout.pidFile(name), process.handle());
        return process;
    }

    private static void progress(String what, Runnable step) {
        System.out.print("  " + what + " ...");
        System.out.flush();
        long start = System.nanoTime();
        step.run();
        System.out.printf(" ready (%.1f s)%n", (System.nanoTime() - start) / 1e9);
    }

    int status(List<String> names) {
        Optional<List<Component>> selection = selected(names);
        if (selection.isEmpty()) {
            return 2;
        }
        if (running().isEmpty() && !Files.isDirectory(layout.pidDir)) {
            System.out.println("The Showfloor stack is not running. Start it with 'infra/local/stack up'.");
            return 1;
        }
        return printTable(selection.get()) ? 0 : 1;
    }

    /** Prints one line per component; true when all are alive and healthy. */
    private boolean printTable(List<Component> components) {
        boolean allHealthy = true;
        System.out.printf("%-12s %-8s %-10s %s%n", "NAME", "PID", "STATE", "URL");
        for (Component component : components) {
            Optional<ProcessHandle> process = liveProcess(component);
            String state;
            if (process.isEmpty()) {
                state = "stopped";
            } else if (component.kind() == Component.Kind.BROKER) {
                state = KafkaBroker.isReady(component.url()) ? "healthy" : "unhealthy";
            } else {
                state = httpStatus(component.healthUrl()) == 200 ? "healthy" : "unhealthy";
            }
            allHealthy &= state.equals("healthy");
            System.out.printf("%-12s %-8s %-10s %s%n", component.name(),
                    process.map(handle -> Long.toString(handle.pid())).orElse("-"), state, component.url());
        }
        return allHealthy;
    }

    int down() {
        List<Path> pidFiles = pidFiles();
        if (pidFiles.isEmpty()) {
            System.out.println("Nothing to stop: the Showfloor stack is not running.");
            return 0;
        }
        // Services first, the broker last, so that services can finish their last writes.
        List<String> order = layout.components().stream().map(Component::name).toList().reversed();
        pidFiles.sort(Comparator.comparingInt((Path file) -> {
            int index = order.indexOf(file.getFileName().toString().replace(".pid", ""));
            return index < 0 ? -1 : index;
        }));
        for (Path file : pidFiles) {
            String name = file.getFileName().toString().replace(".pid", "");
            Optional<ProcessHandle> process = PidFile.read(file).flatMap(PidFile::liveProcess);
            if (process.isPresent()) {
                System.out.print("  stopping " + name + " (pid " + process.get().pid() + ") ...");
                ChildJvm.stop(process.get(), STOP_GRACE);
                System.out.println(process.get().isAlive() ? " still running!" : " stopped");
            } else {
                // The pid is gone or now belongs to another program (its start time differs): nothing to stop.
                System.out.println("  " + name + " was not running (stale pid file removed)");
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("could not remove " + file + ": " + e.getMessage());
            }
        }
        System.out.println("The Showfloor stack is down. Logs stay in " + layout.stateDir + " until the next 'up'.");
        return 0;
    }

    int logs(String name) {
        if (name == null) {
            System.out.println("Logs (infra/local/stack logs <name>):");
            for (Component component : layout.components()) {
                Path log = layout.logFile(component.name());
                if (Files.exists(log)) {
                    System.out.printf("  %-12s %s%n", component.name(), log);
                }
            }
            return 0;
        }
        Path log = layout.logFile(name);
        if (!Files.exists(log)) {
            System.err.println("error: no log for '" + name + "' at " + log);
            return 1;
        }
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            all.subList(Math.max(0, all.size() - 200), all.size()).forEach(System.out::println);
        } catch (IOException e) {
            System.err.println("error: cannot read " + log + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Names and pids of stack processes that are alive now. */
    private List<String> running() {
        List<String> running = new ArrayList<>();
        for (Path file : pidFiles()) {
            PidFile.read(file).flatMap(PidFile::liveProcess).ifPresent(process -> running.add(
                    file.getFileName().toString().replace(".pid", "") + " pid " + process.pid()));
        }
        return running;
    }

    private List<Path> pidFiles() {
        if (!Files.isDirectory(layout.pidDir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(layout.pidDir)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".pid")).toList());
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    /** A fresh state directory: each stack run starts its broker, registry storage and stream state anew. */
    private void cleanState() {
        if (!Files.isDirectory(layout.stateDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(layout.stateDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + layout.stateDir + ": " + e.getMessage(), e);
        }
    }

    static int httpStatus(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
