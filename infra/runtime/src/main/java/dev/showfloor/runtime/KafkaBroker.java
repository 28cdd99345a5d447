package dev.showfloor.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Kafka broker in KRaft mode (broker and controller in one process), bound to 127.0.0.1. */
public final class KafkaBroker implements AutoCloseable {

    /** @param jvmOptions more options for the broker's JVM (a profiler, another collector), after the defaults */
    public record Settings(int brokerPort, int controllerPort, String heap, boolean autoCreateTopics,
                           List<String> jvmOptions) {
        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
        }

        public static Settings onFreePorts(String heap) {
            return new Settings(FreePorts.pick(), FreePorts.pick(), heap, true, List.of());
        }
    }

    private final ChildJvm process;
    private final Settings settings;

    private KafkaBroker(ChildJvm process, Settings settings) {
        this.process = process;
        this.settings = settings;
    }

    /** Formats a fresh log directory under {@code workDir} and starts the broker; returns without waiting. */
    public static KafkaBroker start(Path workDir, Settings settings, ChildJvm.Lifetime lifetime) {
        try {
            Files.createDirectories(workDir);
            Path dataDir = workDir.resolve("kafka-data");
            Path config = workDir.resolve("server.properties");
            Path logConfig = workDir.resolve("kafka-log4j2.properties");
            Files.writeString(config, serverProperties(settings, dataDir));
            Files.writeString(logConfig, RuntimeArtifacts.resource("showfloor/kafka-log4j2.properties"));
            Path log = workDir.resolve("kafka.log");
            List<String> classpath = RuntimeArtifacts.kafkaBrokerClasspath();
            List<String> jvmArgs = List.of("-Xmx" + settings.heap(), "-XX:+UseG1GC",
                    "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + logConfig);
            List<String> brokerJvmArgs = new ArrayList<>(jvmArgs);
            // A fixed heap, as Kafka's start script sets one: grown from a small one, G1 kept it about twice the
            // broker's live data and so ran a marking cycle every few seconds, each with a pause of up to 60 ms.
            brokerJvmArgs.addFirst("-Xms" + settings.heap());
            // The extra options are for the broker (a profiler attached to the format step would write its own file).
            brokerJvmArgs.addAll(settings.jvmOptions());

            // The format step is short-lived and run in the foreground. It finalizes Kafka's default features,
            // transaction.version 2 among them: version 1 cost the broker more per order (docs/BENCHMARKS.md,
            // twenty-seventh session).
            ChildJvm format = ChildJvm.start("kafka-storage-format", ChildJvm.Lifetime.TIED_TO_PARENT, classpath,
                    jvmArgs, "kafka.tools.StorageTool",
                    List.of("format", "--standalone", "--ignore-formatted", "-t", Uuid.randomUuid().toString(),
                            "-c", config.toString()),
                    Map.of(), workDir, log);
            if (format.awaitExit(Duration.ofMinutes(2)) != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + format.deathNotice());
            }
            ChildJvm broker = ChildJvm.start("kafka", lifetime, classpath, brokerJvmArgs, "kafka.Kafka",
                    List.of(config.toString()), Map.of(), workDir, log);
            return new KafkaBroker(broker, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka broker in " + workDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka broker in " + workDir, e);
        }
    }

    static String serverProperties(Settings settings, Path dataDir) {
        String host = FreePorts.LOOPBACK;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", host + ":" + settings.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + settings.brokerPort()
                + ",CONTROLLER://" + host + ":" + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.brokerPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toString());
        p.setProperty("auto.create.topics.enable", Boolean.toString(settings.autoCreateTopics()));
        p.setProperty("num.partitions", "3");
        // One node: every internal topic has a single replica; fewer partitions make them quick to create.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "6");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Kafka's default segment size (1 GiB), as a production broker has: until 2026-12-06 this broker rolled
        // 64 MiB segments, so its log cleaner compacted the services' changelogs every 15 s under load, taking
        // half a core of the two for seconds at a time.
        StringBuilder out = new StringBuilder("# written by showfloor-runtime\n");
        p.stringPropertyNames().stream().sorted()
                .forEach(key -> out.append(key).append('=').append(p.getProperty(key)).append('\n'));
        return out.toString();
    }

    public String bootstrapServers() {
        return FreePorts.LOOPBACK + ":" + settings.brokerPort();
    }

    public ChildJvm process() {
        return process;
    }

    /** Blocks until the broker answers cluster metadata requests. */
    public KafkaBroker awaitReady(Duration timeout) {
        Await.until("Kafka broker on " + bootstrapServers() + " becoming ready", timeout,
                () -> isReady(bootstrapServers()), process::deathNotice);
        return this;
    }

    public static boolean isReady(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
