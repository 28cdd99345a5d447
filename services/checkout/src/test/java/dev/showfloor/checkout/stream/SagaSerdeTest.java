package dev.showfloor.checkout.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.streamskit.JsonSerde;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SagaSerdeTest {
    private static final String TOPIC = "checkout-order-sagas-changelog";
    private final Serde<OrderSaga> serde = SagaSerde.sagas();

    @Test
    void aSagaSurvivesItsBinaryFormLinesAndOutcomeIncluded() {
        OrderSaga saga = OrderSaga.restore("ord-1", "shp-1", "lis-01", "EUR", 5_000L, "tok_visa", "pay-1", "hash-1",
                List.of(OrderSaga.Line.restore("tee", 1, 2_500L, "drop-7", "ord-1/0", 1_800_000_000_000L,
                                OrderSaga.LineStatus.COMMITTED),
                        OrderSaga.Line.restore("cap", 1, 2_500L, null, "ord-1/1", 0L, OrderSaga.LineStatus.RELEASED)),
                OrderSaga.Status.REJECTED, "SOLD_OUT", 0L, 1_800_000_060_000L);

        assertSame(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, saga)), saga);
    }

    @Test
    void aPendingSagaWithoutOptionalFieldsSurvivesToo() {
        OrderSaga saga = OrderSaga.restore("ord-2", null, null, null, 0L, null, null, null, List.of(),
                OrderSaga.Status.PENDING_HOLDS, null, 42L, 0L);

        assertSame(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, saga)), saga);
    }

    @Test
    void jsonWrittenByEarlierVersionsIsStillRead() {
        OrderSaga saga = OrderSaga.restore("ord-3", "shp-3", "lis-01", "EUR", 2_500L, "tok_visa", null, "hash-3",
                List.of(OrderSaga.Line.restore("tee", 1, 2_500L, null, "ord-3/0", 9L, OrderSaga.LineStatus.HELD)),
                OrderSaga.Status.AWAITING_PAYMENT, null, 77L, 0L);
        byte[] legacy = JsonSerde.of(OrderSaga.class).serializer().serialize(TOPIC, saga);

        assertSame(serde.deserializer().deserialize(TOPIC, legacy), saga);
    }

    @Test
    void aSagaWrittenBeforeEndTimesWereRecordedReadsAsEndedAtAnUnknownTime() {
        OrderSaga saga = OrderSaga.restore("ord-4", "shp-4", "lis-01", "EUR", 2_500L, "tok_visa", "pay-4", "hash-4",
                List.of(), OrderSaga.Status.CONFIRMED, null, 0L, 1_800_000_000_000L);
        byte[] current = serde.serializer().serialize(TOPIC, saga);
        byte[] older = Arrays.copyOf(current, current.length - Long.BYTES); // the end time was appended

        OrderSaga read = serde.deserializer().deserialize(TOPIC, older);

        assertThat(read.endedAtMillis()).isZero();
        assertThat(read.status()).isEqualTo(OrderSaga.Status.CONFIRMED);
        assertThat(read.paymentId()).isEqualTo("pay-4");
    }

    private static void assertSame(OrderSaga actual, OrderSaga expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }
}
