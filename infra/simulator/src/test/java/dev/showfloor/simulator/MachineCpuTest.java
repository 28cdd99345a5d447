package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineCpuTest {
    @Test
    void sharesOfBusyIdleAndStolenTicksBetweenTwoReadings() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        MachineCpu.Ticks before = MachineCpu.parse("cpu  1000 0 200 5000 10 0 40 100 0 0");
        MachineCpu.Ticks after = MachineCpu.parse("cpu  1600 0 300 5190 20 0 50 230 0 0");

        // busy 600 + 100 + 10 = 710, idle 190 + 10 = 200, steal 130: 1,040 ticks
        assertThat(MachineCpu.shares(Optional.of(before), Optional.of(after)))
                .containsEntry("busy", 0.683).containsEntry("idle", 0.192).containsEntry("steal", 0.125);
    }

    @Test
    void noReadingNoShares() {
        assertThat(MachineCpu.shares(Optional.empty(), MachineCpu.now())).isEmpty();
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
