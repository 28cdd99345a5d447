package dev.showfloor.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an ended order may leave the saga store, decided without a broker. */
class OrderRetentionTest {
    private static final Instant ENDED = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration RETENTION = CheckoutPolicy.DEFAULT.orderRetention();
    private final CheckoutDecider decider = new CheckoutDecider(CheckoutPolicy.DEFAULT);

    @Test
    void anEndedOrderIsKeptForItsRetentionThenMayBeForgotten() {
        OrderSaga confirmed = saga(OrderSaga.Status.CONFIRMED, ENDED.toEpochMilli());

        assertThat(decider.forgettable(confirmed, ENDED.plus(RETENTION).minusMillis(1))).isFalse();
        assertThat(decider.forgettable(confirmed, ENDED.plus(RETENTION))).isTrue();
    }

    @Test
    void anOrderStillRunningIsNeverForgotten() {
        OrderSaga waiting = saga(OrderSaga.Status.AWAITING_PAYMENT, 0);

        assertThat(decider.forgettable(waiting, ENDED.plus(RETENTION.multipliedBy(10)))).isFalse();
        assertThat(decider.backfillEnd(waiting, ENDED)).isFalse();
        assertThat(waiting.endedAtMillis()).isZero();
    }

    @Test
    void anOrderEndedBeforeEndTimesWereRecordedIsDatedFirstThenKeptAFullRetention() {
        OrderSaga legacy = saga(OrderSaga.Status.REJECTED, 0);
        Instant firstSeen = ENDED.plus(Duration.ofDays(30));

        assertThat(decider.forgettable(legacy, firstSeen)).as("no end time: not yet").isFalse();
        assertThat(decider.backfillEnd(legacy, firstSeen)).isTrue();
        assertThat(decider.backfillEnd(legacy, firstSeen.plusSeconds(1))).as("dated once").isFalse();
        assertThat(decider.forgettable(legacy, firstSeen.plus(RETENTION).minusMillis(1))).isFalse();
        assertThat(decider.forgettable(legacy, firstSeen.plus(RETENTION))).isTrue();
    }

    @Test
    void aRetentionShorterThanTheHoldsIsRefused() {
        CheckoutPolicy defaults = CheckoutPolicy.DEFAULT;

        assertThatThrownBy(() -> new CheckoutPolicy(defaults.holdTimeout(), defaults.paymentTimeout(),
                defaults.holdTtl(), defaults.dropPerBuyerCap(), defaults.confirmMargin(), defaults.holdTtl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderRetention");
    }

    private static OrderSaga saga(OrderSaga.Status status, long endedAtMillis) {
        return OrderSaga.restore("ord-1", "shp-1", "lis-01", "EUR", 2_500L, "tok_visa", null, "hash-1", List.of(),
                status, null, 0L, endedAtMillis);
    }
}
