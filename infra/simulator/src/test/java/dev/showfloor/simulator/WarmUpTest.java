package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void aRoundStillClimbingIsNotSteady() {
        assertThat(WarmUp.steady(421, 455)).as("+8%").isFalse();
        assertThat(WarmUp.steady(538, 564)).as("+4.8%").isTrue();
        assertThat(WarmUp.steady(500, 500)).isTrue();
    }

    @Test
    void aRoundThatFellFarIsNotSteadyEither() {
        assertThat(WarmUp.steady(500, 455)).as("-9%").isTrue();
        assertThat(WarmUp.steady(500, 440)).as("-12%").isFalse();
        assertThat(WarmUp.steady(0, 100)).as("no round before").isFalse();
    }
}
