package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackUseTest {
    private static final StackUse BEFORE = new StackUse(
            Map.of("broker", 10.0, "checkout", 20.0, "load_generator", 1.0),
            Map.of("broker", 4.0, "checkout", 9.0, "load_generator", 0.5));

    @Test
    void aStretchIsTheGrowthOfEachRoleWithItsTotal() {
        StackUse used = BEFORE.until(new StackUse(
                Map.of("broker", 13.0, "checkout", 26.0, "load_generator", 3.0),
                Map.of("broker", 4.5, "checkout", 10.5, "load_generator", 2.5)));

        assertThat(used.cpuSeconds()).containsEntry("checkout", 6.0).containsEntry("total", 11.0);
        assertThat(used.compilerCpuSeconds()).containsEntry("broker", 0.5).containsEntry("total", 4.0);
        assertThat(used.describeCpu()).isEqualTo("11.0 s: checkout 6.0, broker 3.0, this demo 2.0");
    }

    @Test
    void theDemosOwnColdJvmDoesNotCountAsTheStackWarmingUp() {
        StackUse warm = BEFORE.until(new StackUse(
                Map.of("broker", 13.0, "checkout", 26.0, "load_generator", 4.0),
                Map.of("broker", 4.5, "checkout", 10.5, "load_generator", 2.5)));
        StackUse cold = BEFORE.until(new StackUse(
                Map.of("broker", 13.0, "checkout", 26.0, "load_generator", 4.0),
                Map.of("broker", 5.5, "checkout", 11.5, "load_generator", 0.5)));

        assertThat(warm.servicesCompileShare()).isEqualTo(2.0 / 9);
        assertThat(warm.servicesWarmingUp()).isFalse();
        assertThat(cold.servicesCompileShare()).isEqualTo(4.0 / 9);
        assertThat(cold.servicesWarmingUp()).isTrue();
        assertThat(cold.describeCompiling()).startsWith("4.0 s (44% of the services' CPU): checkout 2.5, broker 1.5");
    }

    @Test
    void aStackOnAnotherMachineGivesNoFigures() {
        StackUse used = new StackUse(Map.of("load_generator", 1.0), Map.of())
                .until(new StackUse(Map.of("load_generator", 2.0), Map.of()));

        assertThat(used.cpuSeconds()).isEmpty();
        assertThat(used.servicesWarmingUp()).isFalse();
    }
}
