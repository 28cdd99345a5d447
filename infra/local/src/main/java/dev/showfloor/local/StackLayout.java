package dev.showfloor.local;

import dev.showfloor.runtime.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where everything of the local stack lives and which ports it uses. Every port can be moved with an
 * environment variable (SHOWFLOOR_KAFKA_PORT, SHOWFLOOR_REGISTRY_PORT, SHOWFLOOR_&lt;SERVICE&gt;_PORT, ...).
 */
final class StackLayout {
    /** Fixed default ports so that URLs stay the same from one run to the next. */
    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "gateway", 8080, "sessions", 8101, "inventory", 8102, "checkout", 8103,
            "offers", 8104, "fulfillment", 8105, "analytics", 8106);
    private static final int FIRST_SPARE_SERVICE_PORT = 8110;

    final Path repo;
    final Path stateDir;
    final Path pidDir;
    final Map<String, String> env;

    StackLayout(Path repo, Map<String, String> env) {
        this.repo = repo;
        this.env = env;
        this.stateDir = Path.of(env.getOrDefault("SHOWFLOOR_STATE_DIR", repo.resolve(".showfloor/stack").toString()));
        this.pidDir = stateDir.resolve("pids");
    }

    int port(String envName, int defaultPort) {
        String value = env.get(envName);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    int kafkaPort() {
        return port("SHOWFLOOR_KAFKA_PORT", 9092);
    }

    int kafkaControllerPort() {
        return port("SHOWFLOOR_KAFKA_CONTROLLER_PORT", 9093);
    }

    int registryPort() {
        return port("SHOWFLOOR_REGISTRY_PORT", 8081);
    }

    int registryManagementPort() {
        return port("SHOWFLOOR_REGISTRY_MANAGEMENT_PORT", 8091);
    }

    String bootstrapServers() {
        return FreePorts.LOOPBACK + ":" + kafkaPort();
    }

    String registryApiUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + registryPort() + "/apis/registry/v3";
    }

    /** The payment simulator's process: a provider outside checkout, run from checkout's build. */
    static final String PAYMENTS = "payments";

    int paymentsPort() {
        return port("SHOWFLOOR_PAYMENTS_PORT", 8190);
    }

    String paymentsUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + paymentsPort();
    }

    /** Checkout's application and library jars (the simulator's code and what it uses), as class path wildcards. */
    List<String> paymentsClasspath() {
        Path app = runnerJar(checkoutDir()).getParent();
        return List.of(app.resolve("app") + "/*", app.resolve("lib/main") + "/*");
    }

    private Path checkoutDir() {
        return repo.resolve("services").resolve("checkout");
    }

    String heap(String component, String defaultHeap) {
        return env.getOrDefault("SHOWFLOOR_" + envKey(component) + "_HEAP", defaultHeap);
    }

    /** Extra JVM options for one component (e.g. a profiler), from SHOWFLOOR_&lt;NAME&gt;_JAVA_OPTS, split on blanks. */
    List<String> extraJvmOptions(String component) {
        String options = env.getOrDefault("SHOWFLOOR_" + envKey(component) + "_JAVA_OPTS", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Each built service: services/&lt;name&gt;/target/quarkus-app/quarkus-run.jar. */
    List<Path> builtServices() {
        Path services = repo.resolve("services");
        if (!Files.isDirectory(services)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(services)) {
            return dirs.filter(dir -> Files.isRegularFile(runnerJar(dir))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path runnerJar(Path serviceDir) {
        return serviceDir.resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Broker, registry, the payment simulator when checkout is built, then services in name order: the order of
     * start; down goes in reverse.
     */
    List<Component> components() {
        List<Component> components = new ArrayList<>();
        components.add(new Component("kafka", Component.Kind.BROKER, List.of(kafkaPort(), kafkaControllerPort()),
                bootstrapServers(), null));
        components.add(new Component("registry", Component.Kind.REGISTRY,
                List.of(registryPort(), registryManagementPort()), registryApiUrl(), registryApiUrl() + "/system/info"));
        if (Files.isRegularFile(runnerJar(checkoutDir()))) {
            components.add(new Component(PAYMENTS, Component.Kind.PAYMENTS, List.of(paymentsPort()), paymentsUrl(),
                    paymentsUrl() + "/authorizations"));
        }
        int spare = FIRST_SPARE_SERVICE_PORT;
        for (Path dir : builtServices()) {
            String name = dir.getFileName().toString();
            int port = port("SHOWFLOOR_" + envKey(name) + "_PORT",
                    SERVICE_PORTS.containsKey(name) ? SERVICE_PORTS.get(name) : spare++);
            String base = "http://" + FreePorts.LOOPBACK + ":" + port;
            components.add(new Component(name, Component.Kind.SERVICE, List.of(port), base, base + "/q/health/ready"));
        }
        return components;
    }

    Path pidFile(String name) {
        return pidDir.resolve(name + ".pid");
    }

    /** Each component works in its own directory under the state directory. */
    Path workDir(String name) {
        return stateDir.resolve(name);
    }

    Path logFile(String name) {
        return workDir(name).resolve(name + ".log");
    }

    static String envKey(String name) {
        return name.toUpperCase().replace('-', '_');
    }
}
