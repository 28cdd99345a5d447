package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackCpuTest {
    @Test
    void aCommandLineTellsWhichPartOfTheStackItIs() {
        assertThat(StackCpu.role("/usr/lib/jvm/bin/java -Xmx512m -jar /work/main/services/checkout/target/"
                + "quarkus-app/quarkus-run.jar")).hasValue("checkout");
        assertThat(StackCpu.role("java -Xmx768m -cp kafka.jar kafka.Kafka /tmp/server.properties"))
                .hasValue("broker");
        assertThat(StackCpu.role("java -jar /root/.m2/repository/io/apicurio/apicurio-registry-app/quarkus-run.jar"))
                .hasValue("registry");
        assertThat(StackCpu.role("java -jar some-ide.jar")).isEmpty();
    }

    @Test
    void aLongCommandLineIsReadToItsEnd() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "sleep 30; true", "x".repeat(5_000), "kafka.Kafka").start();
        try {
            assertThat(StackCpu.commandLine(child.toHandle()).flatMap(StackCpu::role)).hasValue("broker");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void cpuPerOperationIsTheDifferenceOverTheOperations() {
        Map<String, Double> perOrder = PhaseCost.perOperation(
                Map.of("checkout", 10_000.0, "broker", 4_000.0),
                Map.of("checkout", 16_000.0, "broker", 7_000.0, "inventory", 1_000.0, "registry", 0.0),
                10_000);
        assertThat(perOrder).containsEntry("checkout", 0.6).containsEntry("broker", 0.3)
                .containsEntry("inventory", 0.1).containsEntry("total", 1.0).doesNotContainKey("registry");
    }
}
