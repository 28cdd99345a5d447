package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    void aPlateauWhileTheStackCompilesDoesNotEndTheWarmUp() throws InterruptedException {
        double[] rates = {183, 407, 557, 574, 580, 900, 1_127, 1_150, 1_140, 1_160};
        boolean[] compiling = {true, true, true, true, true, true, false, false, false, false};
        Scripted stack = new Scripted(rates, compiling);
        WarmUp.Outcome outcome = WarmUp.untilSteady("orders/s", 12, Duration.ZERO, stack::compiledSoFar, stack::round);
        assertThat(outcome.rounds()).as("557, 574, 580/s while compiling; stops once two quiet rounds end steady")
                .isEqualTo(8);
        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.compileSeconds()).isEqualTo(6.0);
        assertThat(outcome.lastCompileShare()).isZero();
    }

    @Test
    void quietCompilersStillWaitForTheRateToStopClimbing() throws InterruptedException {
        double[] rates = {400, 600, 900, 1_200, 1_210, 1_220};
        Scripted stack = new Scripted(rates, new boolean[rates.length]);
        assertThat(WarmUp.untilSteady("orders/s", 12, Duration.ZERO, stack::compiledSoFar, stack::round).rounds())
                .isEqualTo(5);
    }

    @Test
    void aWarmUpThatNeverSettlesStopsAtItsLimitAndSaysSo() throws InterruptedException {
        double[] rates = {500, 500, 500, 500, 500};
        boolean[] compiling = {true, true, true, true, true};
        Scripted stack = new Scripted(rates, compiling);
        WarmUp.Outcome outcome = WarmUp.untilSteady("orders/s", 5, Duration.ZERO, stack::compiledSoFar, stack::round);
        assertThat(outcome.rounds()).isEqualTo(5);
        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.asReport()).containsEntry("settled", false).containsEntry("rounds", 5);
    }

    /** Rounds that return scripted rates and compile one second in the rounds marked compiling (rounds here are instant). */
    private static final class Scripted {
        private final double[] rates;
        private final boolean[] compiling;
        private double compiled;

        Scripted(double[] rates, boolean[] compiling) {
            this.rates = rates;
            this.compiling = compiling;
        }

        double round(int n) {
            compiled += compiling[n] ? 1 : 0;
            return rates[n];
        }

        double compiledSoFar() {
            return compiled;
        }
    }
}
