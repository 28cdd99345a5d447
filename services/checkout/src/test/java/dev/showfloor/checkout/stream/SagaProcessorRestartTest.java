package dev.showfloor.checkout.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.checkout.domain.CheckoutDecider;
import dev.showfloor.checkout.domain.CheckoutPolicy;
import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.OrderRejected;
import dev.showfloor.events.checkout.OrderRejectionReason;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.inventory.HoldPlaced;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * A task that starts on a restored saga store finds the deadlines of the orders still waiting in it, and asks again
 * for the payments still awaited.
 */
class SagaProcessorRestartTest {
    private final CheckoutDecider decider = new CheckoutDecider(CheckoutPolicy.DEFAULT);

    @Test
    void aWaitingOrderInTheRestoredStoreStillTimesOut() {
        MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
        KeyValueStore<String, OrderSaga> sagas = restoredStore(context);
        long start = CheckoutDriver.START.toEpochMilli();
        OrderSaga waiting = decider.decide(null, CheckoutDriver.order("o-waiting", "tee", "cap"), CheckoutDriver.START)
                .saga();
        OrderSaga decided = decider.decide(null, CheckoutDriver.order("o-decided", "tee", "cap"), CheckoutDriver.START)
                .saga();
        decided = decider.deadlinePassed(decided, CheckoutDriver.START.plus(Duration.ofHours(1))).saga();
        sagas.put("o-waiting", waiting);
        sagas.put("o-decided", decided);

        context.setCurrentSystemTimeMs(start);
        new SagaProcessor(decider, new ScriptedPaymentGateway(), Duration.ofSeconds(1), Duration.ZERO).init(context);
        var punctuator = scheduled(context, Duration.ofSeconds(1));
        punctuator.punctuate(waiting.deadlineMillis() - 1);
        assertThat(context.forwarded()).as("not before its deadline").isEmpty();

        punctuator.punctuate(waiting.deadlineMillis());
        List<Object> rejections = context.forwarded().stream().map(forward -> forward.record().value())
                .filter(OrderEvent.class::isInstance).map(event -> ((OrderEvent) event).getPayload())
                .filter(OrderRejected.class::isInstance).toList();
        assertThat(rejections).as("the waiting order only; the decided one has no deadline").singleElement()
                .isInstanceOfSatisfying(OrderRejected.class, rejected -> {
                    assertThat(rejected.getOrderId()).isEqualTo("o-waiting");
                    assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.HOLD_TIMEOUT);
                });
        assertThat(sagas.get("o-waiting").status()).isEqualTo(OrderSaga.Status.REJECTED);
    }

    @Test
    void aStartingTaskWaitsItsGraceOnTheRealClockBeforeEnforcingDeadlines() {
        MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
        KeyValueStore<String, OrderSaga> sagas = restoredStore(context);
        OrderSaga waiting = decider.decide(null, CheckoutDriver.order("o-waiting", new String[] {"tee"}), CheckoutDriver.START)
                .saga();
        sagas.put("o-waiting", waiting);
        Duration grace = Duration.ofSeconds(5);

        // As in Kafka Streams, the context's clock is not set before init: the task took over long after the
        // order's deadline, and must first read the answers queued meanwhile.
        new SagaProcessor(decider, new ScriptedPaymentGateway(), Duration.ofSeconds(1), grace).init(context);
        long tookOver = waiting.deadlineMillis() + Duration.ofMinutes(3).toMillis();
        Punctuator deadlines = scheduled(context, Duration.ofSeconds(1));
        deadlines.punctuate(tookOver);
        deadlines.punctuate(tookOver + grace.toMillis() - 1);
        assertThat(sagas.get("o-waiting").status()).as("within the grace").isEqualTo(OrderSaga.Status.PENDING_HOLDS);

        deadlines.punctuate(tookOver + grace.toMillis());
        assertThat(sagas.get("o-waiting").status()).isEqualTo(OrderSaga.Status.REJECTED);
    }

    @Test
    void aTaskWithNoOrdersSchedulesNoPunctuation() {
        MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
        restoredStore(context);

        new SagaProcessor(decider, new ScriptedPaymentGateway(), Duration.ofSeconds(1), Duration.ZERO).init(context);

        assertThat(context.scheduledPunctuators()).as("each punctuation would cost a transaction").isEmpty();
    }

    @Test
    void anOrderAwaitingPaymentInTheRestoredStoreIsAskedForAgainAndConfirmed() {
        MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
        KeyValueStore<String, OrderSaga> sagas = restoredStore(context);
        OrderSaga awaiting = decider.decide(null, CheckoutDriver.order("o-paying", new String[] {"tee"}), CheckoutDriver.START).saga();
        awaiting = decider.decide(awaiting, new HoldPlaced("o-paying/0/place", CheckoutDriver.LOC, "tee", "o-paying/0",
                "o-paying", 1, CheckoutDriver.START.plus(Duration.ofMinutes(5)), null, "shopper-1", null),
                CheckoutDriver.START).saga();
        assertThat(awaiting.status()).isEqualTo(OrderSaga.Status.AWAITING_PAYMENT);
        sagas.put("o-paying", awaiting);
        ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();

        context.setCurrentSystemTimeMs(CheckoutDriver.START.toEpochMilli());
        SagaProcessor processor = new SagaProcessor(decider, gateway, Duration.ofSeconds(1), Duration.ZERO);
        processor.init(context);
        assertThat(gateway.asked()).as("its answer went to the previous owner").containsExactly("o-paying");
        assertThat(processor.openDeadlines()).as("its payment deadline").isEqualTo(1);

        gateway.answer("o-paying", PaymentGateway.Outcome.authorized("pay-again"));
        scheduled(context, SagaProcessor.PAYMENT_ANSWER_POLL).punctuate(CheckoutDriver.START.toEpochMilli() + 5);
        List<Object> events = context.forwarded().stream().map(forward -> forward.record().value())
                .filter(OrderEvent.class::isInstance).map(event -> ((OrderEvent) event).getPayload()).toList();
        assertThat(events).extracting(Object::getClass).containsExactly(PaymentAuthorized.class, OrderConfirmed.class);
        assertThat(sagas.get("o-paying").status()).isEqualTo(OrderSaga.Status.CONFIRMED);
        assertThat(processor.openDeadlines()).as("a decided order waits for nothing").isZero();
    }

    /** The punctuator the task scheduled with this interval (the deadlines' is the scan interval given). */
    private static Punctuator scheduled(MockProcessorContext<String, SpecificRecord> context, Duration interval) {
        return context.scheduledPunctuators().stream().filter(captured -> captured.getInterval().equals(interval))
                .reduce((first, later) -> later).orElseThrow().getPunctuator();
    }

    private static KeyValueStore<String, OrderSaga> restoredStore(MockProcessorContext<String, SpecificRecord> context) {
        KeyValueStore<String, OrderSaga> sagas = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CheckoutTopology.SAGAS_STORE), Serdes.String(), SagaSerde.sagas())
                .withLoggingDisabled().build();
        sagas.init(context.getStateStoreContext(), sagas);
        context.addStateStore(sagas);
        return sagas;
    }
}
