package dev.showfloor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {
    private final Path repo = Path.of("/repo");

    @Test
    void environmentOverridesPortsHeapsAndJvmOptionsPerComponent() {
        StackLayout layout = new StackLayout(repo, Map.of(
                "SHOWFLOOR_KAFKA_PORT", " 19092 ",
                "SHOWFLOOR_INVENTORY_HEAP", "512m",
                "SHOWFLOOR_INVENTORY_JAVA_OPTS", "  -XX:+UseSerialGC   -Dkafka-streams.commit.interval.ms=50 "));

        assertEquals(19092, layout.kafkaPort());
        assertEquals("127.0.0.1:19092", layout.bootstrapServers());
        assertEquals("512m", layout.heap("inventory", "256m"));
        assertEquals("256m", layout.heap("checkout", "256m"));
        assertEquals(List.of("-XX:+UseSerialGC", "-Dkafka-streams.commit.interval.ms=50"),
                layout.extraJvmOptions("inventory"));
        assertEquals(List.of(), layout.extraJvmOptions("checkout"));
    }

    @Test
    void defaultsWhenNothingIsSet() {
        StackLayout layout = new StackLayout(repo, Map.of());

        assertEquals(9092, layout.kafkaPort());
        assertEquals("http://127.0.0.1:8081/apis/registry/v3", layout.registryApiUrl());
        assertEquals(repo.resolve(".showfloor/stack"), layout.stateDir);
    }

    @Test
    void thePaymentSimulatorRunsBeforeTheServicesWhenCheckoutIsBuilt(@TempDir Path built) throws Exception {
        for (String service : List.of("checkout", "inventory")) {
            Path runner = StackLayout.runnerJar(built.resolve("services").resolve(service));
            Files.createDirectories(runner.getParent());
            Files.createFile(runner);
        }
        StackLayout layout = new StackLayout(built, Map.of("SHOWFLOOR_PAYMENTS_PORT", "18190"));

        assertEquals(List.of("kafka", "registry", "payments", "checkout", "inventory"),
                layout.components().stream().map(Component::name).toList());
        Component payments = layout.components().get(2);
        assertEquals(List.of(18190), payments.ports());
        assertEquals("http://127.0.0.1:18190/authorizations", payments.healthUrl());
        assertEquals(List.of("kafka", "registry"),
                new StackLayout(repo, Map.of()).components().stream().map(Component::name).toList(),
                "nothing built: no services, no payment simulator");
    }
}
