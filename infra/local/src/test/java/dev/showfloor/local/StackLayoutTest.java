package dev.showfloor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
