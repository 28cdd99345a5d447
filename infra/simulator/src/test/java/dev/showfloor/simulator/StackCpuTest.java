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
        assertThat(StackCpu.role("java -cp /work/main/services/checkout/target/quarkus-app/app/* "
                + "dev.showfloor.checkout.payment.PaymentSimulatorServer --port 8190")).hasValue("payments");
        assertThat(StackCpu.role("java -jar some-ide.jar")).isEmpty();
    }

    @Test
    void onlyJitCompilerThreadsCountAsCompiling() {
        String compiler = "21900 (C2 CompilerThre) S 1 21593 1 0 -1 1077936192 1200 0 0 0 3134 41 0 0 20 0 30 0 "
                + "1501 6348300 868700";
        String eventLoop = "21901 (vert.x-eventloop) S 1 21593 1 0 -1 1077936192 1200 0 0 0 900 12 0 0 20 0 30 0 "
                + "1501 6348300 868700";

        assertThat(StackCpu.compilerTicks(compiler)).isEqualTo(3175);
        assertThat(StackCpu.compilerTicks(eventLoop)).isZero();
    }

    @Test
    void theCompilersOfThisJvmAreFound() {
        assertThat(StackCpu.compilerMillis(ProcessHandle.current())).isPresent();
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
