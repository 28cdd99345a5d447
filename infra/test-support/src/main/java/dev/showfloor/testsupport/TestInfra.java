package dev.showfloor.testsupport;

import dev.showfloor.runtime.ApicurioRegistry;
import dev.showfloor.runtime.ChildJvm;
import dev.showfloor.runtime.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One real Kafka broker and one real Apicurio Registry per test JVM, started on first use on free loopback
 * ports and stopped when the JVM ends (the children also end by themselves if the JVM is killed).
 *
 * <p>The addresses are published as system properties so that every class loader in the JVM (Quarkus
 * restarts its application class loader between test profiles) sees the same instances.
 */
public final class TestInfra {
    static final String BOOTSTRAP_PROPERTY = "showfloor.test.kafka.bootstrap-servers";
    static final String REGISTRY_PROPERTY = "showfloor.test.registry.url";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** Addresses of the shared broker and registry. */
    public record Endpoints(String bootstrapServers, String registryUrl) {
        /** Apicurio's v3 REST API root, as its serdes expect it. */
        public String registryApiUrl() {
            return registryUrl + "/apis/registry/v3";
        }
    }

    private TestInfra() {
    }

    public static Endpoints endpoints() {
        synchronized (System.getProperties()) { // a lock every class loader shares
            String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
            String registry = System.getProperty(REGISTRY_PROPERTY);
            if (bootstrap == null || registry == null) {
                Endpoints started = start();
                System.setProperty(BOOTSTRAP_PROPERTY, started.bootstrapServers());
                System.setProperty(REGISTRY_PROPERTY, started.registryUrl());
                return started;
            }
            return new Endpoints(bootstrap, registry);
        }
    }

    private static Endpoints start() {
        Path workDir = workDirectory();
        KafkaBroker broker = KafkaBroker.start(workDir,
                KafkaBroker.Settings.onFreePorts(System.getProperty("showfloor.test.kafka.heap", "512m")),
                ChildJvm.Lifetime.TIED_TO_PARENT);
        ApicurioRegistry registry;
        try {
            registry = ApicurioRegistry.start(workDir,
                    ApicurioRegistry.Settings.onFreePorts(System.getProperty("showfloor.test.registry.heap", "384m")),
                    ChildJvm.Lifetime.TIED_TO_PARENT);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            broker.close();
        }, "showfloor-test-infra-stop"));
        // Both start in parallel; wait for each in turn.
        broker.awaitReady(START_TIMEOUT);
        registry.awaitReady(START_TIMEOUT);
        System.out.printf("showfloor test infra: kafka %s (pid %d), registry %s (pid %d), logs in %s%n",
                broker.bootstrapServers(), broker.process().pid(), registry.baseUrl(), registry.process().pid(),
                workDir);
        return new Endpoints(broker.bootstrapServers(), registry.baseUrl());
    }

    /** A fresh directory under the module's target/, unique per JVM so parallel builds never share one. */
    private static Path workDirectory() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Path.of("target", "test-infra", stamp + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
