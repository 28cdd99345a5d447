package dev.showfloor.checkout.stream;

import static dev.showfloor.checkout.stream.CheckoutDriver.LOC;
import static dev.showfloor.checkout.stream.CheckoutDriver.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.checkout.domain.CheckoutPolicy;
import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.OrderCancelled;
import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderRejected;
import dev.showfloor.events.checkout.OrderRejectionReason;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.checkout.PaymentDeclineReason;
import dev.showfloor.events.checkout.PaymentDeclined;
import dev.showfloor.events.checkout.PaymentRequested;
import dev.showfloor.events.checkout.PaymentVoidRequested;
import dev.showfloor.events.common.Money;
import dev.showfloor.events.inventory.CommandRejectionReason;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.HoldCommitted;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldRejectionReason;
import dev.showfloor.events.inventory.InventoryCommandRejected;
import dev.showfloor.events.inventory.InventoryCommandType;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.streamskit.StateStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckoutSagaTest {
    private final CheckoutDriver checkout = new CheckoutDriver(CheckoutPolicy.DEFAULT);

    @AfterEach
    void close() {
        checkout.close();
    }

    @Test
    void everyLineHeldThenPaidConfirmsTheOrderWithItsCommits() {
        checkout.order(order("o1", "tee", "cap"), "o1");
        List<Object> holds = checkout.commands();
        assertThat(holds).hasSize(2).allSatisfy(command -> assertThat(command).isInstanceOf(PlaceHold.class));

        held("o1", 0, "tee");
        assertThat(checkout.orderEvents()).as("not before every line is held").isEmpty();
        held("o1", 1, "cap");
        assertThat(checkout.orderEvents()).singleElement().isInstanceOfSatisfying(PaymentRequested.class,
                requested -> assertThat(requested.getAmount().getAmountMinor()).isEqualTo(5_000L));

        assertThat(checkout.payments().asked()).as("the task asks the payment port itself").containsExactly("o1");
        assertThat(checkout.paymentRequests()).as("no hop through the payment worker").isEmpty();

        checkout.payments().answer("o1", PaymentGateway.Outcome.authorized("pay-1"));
        checkout.takePaymentAnswers();
        assertThat(checkout.commands()).hasSize(2).allSatisfy(command ->
                assertThat(command).isInstanceOf(CommitHold.class));
        List<Object> logged = checkout.orderEvents();
        assertThat(logged).as("the answer is logged, then both holds live for minutes: confirmed in the same step")
                .extracting(Object::getClass).containsExactly(PaymentAuthorized.class, OrderConfirmed.class);
        assertThat(logged.getFirst()).isInstanceOfSatisfying(PaymentAuthorized.class,
                authorized -> assertThat(authorized.getPaymentId()).isEqualTo("pay-1"));
        checkout.sagaWrites();
        logged.forEach(event -> checkout.order(event, "o1")); // read back from the order topic
        assertThat(checkout.orderEvents()).as("reading its own log back changes nothing").isEmpty();
        assertThat(checkout.sagaWrites()).isZero();

        committed("o1", 0, "tee");
        committed("o1", 1, "cap");
        assertThat(checkout.orderEvents()).isEmpty();
        assertThat(checkout.commands()).isEmpty();
        assertThat(checkout.saga("o1").status()).isEqualTo(OrderSaga.Status.CONFIRMED);
        assertThat(checkout.saga("o1").lines()).extracting(OrderSaga.Line::status)
                .containsOnly(OrderSaga.LineStatus.COMMITTED);
    }

    @Test
    void punctuatesOnlyWhileAnOrderWaitsForSomething() {
        // Each punctuation commits the task, a transaction under exactly-once, so an idle task must not punctuate.
        checkout.advance(Duration.ofMinutes(10));
        assertThat(checkout.punctuations()).as("idle").isZero();

        checkout.order(order("o1", new String[] {"tee"}), "o1");
        held("o1", 0, "tee");
        checkout.payments().answer("o1", PaymentGateway.Outcome.authorized("pay-1"));
        checkout.takePaymentAnswers();
        committed("o1", 0, "tee");
        assertThat(checkout.saga("o1").status()).isEqualTo(OrderSaga.Status.CONFIRMED);
        double decided = checkout.punctuations();

        for (int poll = 0; poll < 100; poll++) {
            checkout.takePaymentAnswers();
        }
        assertThat(checkout.punctuations()).as("no payment answer or deadline left to wait for").isEqualTo(decided);
    }

    @Test
    void aHoldCloseToExpiryIsCommittedBeforeTheOrderIsConfirmed() {
        checkout.order(order("o8", "tee", "cap"), "o8");
        held("o8", 0, "tee");
        held("o8", 1, "cap", CheckoutDriver.START.plusSeconds(30)); // inside the one-minute margin
        checkout.commands();
        checkout.orderEvents();

        checkout.order(new PaymentAuthorized("o8", "pay-8", new Money(5_000L, "EUR"), "simulator"), "o8");
        assertThat(checkout.commands()).hasSize(2).allSatisfy(command ->
                assertThat(command).isInstanceOf(CommitHold.class));
        assertThat(checkout.orderEvents()).isEmpty();

        committed("o8", 0, "tee");
        assertThat(checkout.orderEvents()).isEmpty();
        committed("o8", 1, "cap");
        assertThat(checkout.orderEvents()).singleElement().isInstanceOf(OrderConfirmed.class);
    }

    @Test
    void aConfirmedOrderWhoseHoldLapsedFirstIsCancelledVoidedAndRestocked() {
        checkout.order(order("o9", "tee", "cap"), "o9");
        held("o9", 0, "tee");
        held("o9", 1, "cap");
        checkout.order(new PaymentAuthorized("o9", "pay-9", new Money(5_000L, "EUR"), "simulator"), "o9");
        checkout.commands();
        assertThat(checkout.orderEvents()).last().isInstanceOf(OrderConfirmed.class);

        committed("o9", 0, "tee");
        checkout.answer(new InventoryCommandRejected("o9/1/commit", LOC, "cap", InventoryCommandType.COMMIT_HOLD,
                CommandRejectionReason.HOLD_EXPIRED, "hold o9/1 expired", "o9/1"), "o9");

        assertThat(checkout.commands()).as("the committed line goes back on the shelf").singleElement()
                .isInstanceOfSatisfying(ReceiveStock.class, restock -> {
                    assertThat(restock.getSku()).isEqualTo("tee");
                    assertThat(restock.getQuantity()).isEqualTo(1);
                });
        List<Object> events = checkout.orderEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(PaymentVoidRequested.class,
                voided -> assertThat(voided.getPaymentId()).isEqualTo("pay-9"));
        assertThat(events.get(1)).isInstanceOf(OrderCancelled.class);
        assertThat(checkout.saga("o9").status()).isEqualTo(OrderSaga.Status.CANCELLED);
        assertThat(checkout.paymentRequests()).as("the payment worker's copies: voids, nothing else")
                .extracting(Object::getClass).containsExactly(PaymentVoidRequested.class);
    }

    @Test
    void aCommitLandingAfterTheOrderWasUndoneIsRestocked() {
        checkout.order(order("o10", "tee", "cap"), "o10");
        held("o10", 0, "tee", CheckoutDriver.START.plusSeconds(30));
        held("o10", 1, "cap", CheckoutDriver.START.plusSeconds(30));
        checkout.order(new PaymentAuthorized("o10", "pay-10", new Money(5_000L, "EUR"), "simulator"), "o10");
        checkout.commands();
        checkout.orderEvents();

        checkout.answer(new InventoryCommandRejected("o10/0/commit", LOC, "tee", InventoryCommandType.COMMIT_HOLD,
                CommandRejectionReason.HOLD_EXPIRED, "hold o10/0 expired", "o10/0"), "o10");
        assertThat(checkout.orderEvents()).last().isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.HOLD_TIMEOUT));
        assertThat(checkout.commands()).as("the other commit is still on its way").isEmpty();

        committed("o10", 1, "cap");
        assertThat(checkout.commands()).singleElement().isInstanceOfSatisfying(ReceiveStock.class,
                restock -> assertThat(restock.getSku()).isEqualTo("cap"));
        committed("o10", 1, "cap");
        assertThat(checkout.commands()).as("restocked once").isEmpty();
    }

    @Test
    void aSoldOutLineRejectsTheOrderAndReleasesTheOthers() {
        checkout.order(order("o2", "tee", "sneaker", "cap"), "o2");
        checkout.commands();
        held("o2", 0, "tee");
        checkout.answer(new HoldRejected("o2/1/place", LOC, "sneaker", "o2/1", "o2", 1,
                HoldRejectionReason.INSUFFICIENT_STOCK, 0), "o2");

        assertThat(checkout.commands()).singleElement().isInstanceOfSatisfying(ReleaseHold.class,
                release -> assertThat(release.getHoldId()).isEqualTo("o2/0"));
        assertThat(checkout.orderEvents()).singleElement().isInstanceOfSatisfying(OrderRejected.class, rejected -> {
            assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.SOLD_OUT);
            assertThat(rejected.getSku()).isEqualTo("sneaker");
        });

        held("o2", 2, "cap"); // answered after the order gave up
        assertThat(checkout.commands()).as("a late hold is handed straight back").singleElement()
                .isInstanceOfSatisfying(ReleaseHold.class, release -> assertThat(release.getHoldId()).isEqualTo("o2/2"));
    }

    @Test
    void aBuyerCapRejectionIsReportedAsSuch() {
        checkout.order(order("o3", "tee"), "o3");
        checkout.answer(new HoldRejected("o3/0/place", LOC, "tee", "o3/0", "o3", 1,
                HoldRejectionReason.BUYER_CAP_EXCEEDED, 10), "o3");

        assertThat(checkout.orderEvents()).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.BUYER_CAP_EXCEEDED));
    }

    @Test
    void aDeclinedPaymentReleasesEveryHold() {
        awaitingPayment("o4");

        checkout.payments().answer("o4", PaymentGateway.Outcome.declined("INSUFFICIENT_FUNDS"));
        checkout.takePaymentAnswers();

        assertThat(checkout.commands()).hasSize(2).allSatisfy(command ->
                assertThat(command).isInstanceOf(ReleaseHold.class));
        List<Object> events = checkout.orderEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(PaymentDeclined.class,
                declined -> assertThat(declined.getReason()).isEqualTo(PaymentDeclineReason.INSUFFICIENT_FUNDS));
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.PAYMENT_DECLINED));
        assertThat(checkout.paymentRequests()).as("a decline authorized nothing: no void").isEmpty();
    }

    @Test
    void aProviderFailingEveryAttemptRejectsAtOnceReleasesAndVoids() {
        awaitingPayment("o12");

        checkout.payments().fail("o12", new PaymentGateway.ProviderUnavailable("down"));
        checkout.takePaymentAnswers();

        assertThat(checkout.commands()).hasSize(2).allSatisfy(command ->
                assertThat(command).isInstanceOf(ReleaseHold.class));
        List<Object> events = checkout.orderEvents();
        assertThat(events).extracting(Object::getClass)
                .containsExactly(PaymentDeclined.class, PaymentVoidRequested.class, OrderRejected.class);
        assertThat(events.get(0)).isInstanceOfSatisfying(PaymentDeclined.class,
                declined -> assertThat(declined.getReason()).isEqualTo(PaymentDeclineReason.PROVIDER_ERROR));
        assertThat(events.get(2)).isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.PAYMENT_DECLINED));
        assertThat(checkout.paymentRequests()).as("an attempt may have authorized before it failed: voided")
                .extracting(Object::getClass).containsExactly(PaymentVoidRequested.class);

        checkout.advance(Duration.ofSeconds(16));
        assertThat(checkout.orderEvents()).as("decided already: the payment deadline has nothing left to do")
                .isEmpty();
        assertThat(checkout.commands()).isEmpty();
    }

    @Test
    void aDeclineWrittenToTheOrderTopicIsAnInputLikeAnyOther() {
        checkout.order(order("o11", "tee"), "o11");
        held("o11", 0, "tee");
        checkout.commands();
        checkout.orderEvents();

        checkout.order(new PaymentDeclined("o11", null, PaymentDeclineReason.CARD_DECLINED, "simulator"), "o11");

        assertThat(checkout.commands()).singleElement().isInstanceOf(ReleaseHold.class);
        assertThat(checkout.orderEvents()).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.PAYMENT_DECLINED));
    }

    @Test
    void noHoldAnswerInTimeRejectsAndReleasesWhatArrivesLater() {
        checkout.order(order("o5", "tee", "cap"), "o5");
        checkout.commands();
        held("o5", 0, "tee");

        checkout.advance(Duration.ofSeconds(9));
        assertThat(checkout.orderEvents()).isEmpty();
        checkout.advance(Duration.ofSeconds(2));

        assertThat(checkout.orderEvents()).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.HOLD_TIMEOUT));
        assertThat(checkout.commands()).singleElement().isInstanceOf(ReleaseHold.class);
        held("o5", 1, "cap");
        assertThat(checkout.commands()).singleElement().isInstanceOf(ReleaseHold.class);
    }

    @Test
    void noPaymentAnswerInTimeRejectsReleasesAndVoidsALateAuthorization() {
        checkout.order(order("o6", "tee"), "o6");
        held("o6", 0, "tee");
        checkout.commands();
        checkout.orderEvents();

        checkout.advance(Duration.ofSeconds(16));

        List<Object> events = checkout.orderEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(PaymentVoidRequested.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(OrderRejectionReason.PAYMENT_TIMEOUT));
        assertThat(checkout.commands()).singleElement().isInstanceOf(ReleaseHold.class);

        checkout.payments().answer("o6", PaymentGateway.Outcome.authorized("pay-late"));
        checkout.takePaymentAnswers();
        List<Object> late = checkout.orderEvents();
        assertThat(late).extracting(Object::getClass)
                .containsExactly(PaymentAuthorized.class, PaymentVoidRequested.class);
        assertThat(late.get(1)).isInstanceOfSatisfying(PaymentVoidRequested.class,
                voided -> assertThat(voided.getPaymentId()).isEqualTo("pay-late"));
        assertThat(checkout.commands()).as("nothing is committed for a rejected order").isEmpty();

        checkout.order(late.getFirst(), "o6"); // the logged answer, read back
        assertThat(checkout.orderEvents()).as("voided once").isEmpty();
    }

    @Test
    void repeatedInputsHaveNoSecondEffect() {
        checkout.order(order("o7", "tee"), "o7");
        checkout.order(order("o7", "tee"), "o7");
        assertThat(checkout.commands()).hasSize(1);

        held("o7", 0, "tee");
        held("o7", 0, "tee");
        assertThat(checkout.orderEvents()).hasSize(1);

        PaymentAuthorized authorized = new PaymentAuthorized("o7", "pay-7", new Money(2_500L, "EUR"), "simulator");
        checkout.order(authorized, "o7");
        checkout.order(authorized, "o7");
        assertThat(checkout.commands()).hasSize(1);
        assertThat(checkout.orderEvents()).singleElement().isInstanceOf(OrderConfirmed.class);
        committed("o7", 0, "tee");
        committed("o7", 0, "tee");
        assertThat(checkout.orderEvents()).isEmpty();
        assertThat(checkout.commands()).isEmpty();
    }

    @Test
    void inputsThatChangeNothingAreNotStoredAgain() {
        checkout.order(order("o8", "tee"), "o8");
        held("o8", 0, "tee");
        assertThat(checkout.sagaWrites()).as("placed, then held").isEqualTo(2);
        Object requested = checkout.orderEvents().getFirst();

        checkout.order(requested, "o8"); // the saga's own request, read back from its topic
        held("o8", 0, "tee");
        assertThat(checkout.sagaWrites()).as("own request and a repeated answer").isZero();

        checkout.order(new PaymentAuthorized("o8", "pay-8", new Money(2_500L, "EUR"), "simulator"), "o8");
        assertThat(checkout.sagaWrites()).isEqualTo(1);
        checkout.order(checkout.orderEvents().getFirst(), "o8"); // OrderConfirmed read back
        assertThat(checkout.sagaWrites()).isZero();
        assertThat(checkout.saga("o8").status()).isEqualTo(dev.showfloor.checkout.domain.OrderSaga.Status.CONFIRMED);
    }

    @Test
    void anEndedOrderIsForgottenAfterItsRetentionALaterOneStays() {
        checkout.order(order("o9", "tee"), "o9");
        held("o9", 0, "tee");
        checkout.order(new PaymentAuthorized("o9", "pay-9", new Money(2_500L, "EUR"), "simulator"), "o9");
        committed("o9", 0, "tee");
        checkout.order(order("o10", "tee"), "o10");
        checkout.answer(new HoldRejected("o10/0/place", LOC, "tee", "o10/0", "o10", 1,
                HoldRejectionReason.INSUFFICIENT_STOCK, 0), "o10");
        Duration retention = CheckoutPolicy.DEFAULT.orderRetention();
        checkout.advance(retention.minusDays(1));
        checkout.order(order("o11", "tee"), "o11");
        checkout.advance(CheckoutPolicy.DEFAULT.holdTimeout()); // o11 ends a day after the others
        assertThat(checkout.saga("o11").status()).isEqualTo(OrderSaga.Status.REJECTED);
        assertThat(checkout.saga("o9").status()).as("within its retention").isEqualTo(OrderSaga.Status.CONFIRMED);
        checkout.commands();
        checkout.orderEvents();

        checkout.advance(Duration.ofDays(1));
        assertThat(checkout.saga("o9")).as("confirmed, ended over a retention ago").isNull();
        assertThat(checkout.saga("o10")).as("rejected, ended over a retention ago").isNull();
        assertThat(checkout.saga("o11").status()).isEqualTo(OrderSaga.Status.REJECTED);

        committed("o9", 0, "tee"); // a very late repeat of an answer
        assertThat(checkout.saga("o9")).as("an answer does not revive a forgotten order").isNull();
        assertThat(checkout.commands()).isEmpty();
        assertThat(checkout.orderEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StateStores.Kind.class)
    void endedOrdersAreForgottenASliceAtATime(StateStores.Kind sagaStore) {
        try (CheckoutDriver store = new CheckoutDriver(CheckoutPolicy.DEFAULT, sagaStore)) {
            for (int i = 0; i < 250; i++) {
                String orderId = "s" + i;
                store.order(order(orderId, "tee"), orderId);
                store.answer(new HoldRejected(orderId + "/0/place", LOC, "tee", orderId + "/0", orderId, 1,
                        HoldRejectionReason.INSUFFICIENT_STOCK, 0), orderId);
            }
            assertThat(store.sagaCount()).isEqualTo(250);

            store.advance(CheckoutPolicy.DEFAULT.orderRetention());
            assertThat(store.sagaCount()).as("one slice per scan").isEqualTo(250 - SagaProcessor.FORGET_MIN_SLICE);
            store.advance(SagaProcessor.FORGET_SCAN);
            store.advance(SagaProcessor.FORGET_SCAN);
            assertThat(store.sagaCount()).isZero();
        }
    }

    /** An order for a tee and a cap, both held, waiting for its payment; what it emitted so far is taken. */
    private void awaitingPayment(String orderId) {
        checkout.order(order(orderId, "tee", "cap"), orderId);
        held(orderId, 0, "tee");
        held(orderId, 1, "cap");
        checkout.commands();
        checkout.orderEvents();
    }

    private void held(String orderId, int line, String sku) {
        held(orderId, line, sku, CheckoutDriver.START.plus(CheckoutPolicy.DEFAULT.holdTtl()));
    }

    private void held(String orderId, int line, String sku, Instant expiresAt) {
        checkout.answer(new HoldPlaced(orderId + "/" + line + "/place", LOC, sku, orderId + "/" + line, orderId, 1,
                expiresAt, null, "shopper-1", null), orderId);
    }

    private void committed(String orderId, int line, String sku) {
        checkout.answer(new HoldCommitted(orderId + "/" + line + "/commit", LOC, sku, orderId + "/" + line, orderId,
                1, null), orderId);
    }
}
