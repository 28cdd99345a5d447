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

    @Test
    void aPlateauOfOneRoundDoesNotEndTheWarmUp() throws InterruptedException {
        double[] rates = {183, 407, 570, 559, 650, 900, 1_127, 1_150, 1_140, 1_160};
        int rounds = WarmUp.untilSteady("orders/s", 12, java.time.Duration.ZERO, n -> rates[n]);
        assertThat(rounds).as("stops after 1,150 and 1,140 agree with the rounds before them").isEqualTo(9);
    }

    @Test
    void aWarmUpThatNeverSettlesStopsAtItsLimit() throws InterruptedException {
        assertThat(WarmUp.untilSteady("orders/s", 5, java.time.Duration.ZERO, n -> 100.0 * (n + 1) * (n + 1)))
                .isEqualTo(5);
    }
}
