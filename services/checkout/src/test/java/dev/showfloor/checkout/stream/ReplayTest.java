package dev.showfloor.checkout.stream;

import static dev.showfloor.checkout.stream.CheckoutDriver.LOC;
import static dev.showfloor.checkout.stream.CheckoutDriver.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.checkout.domain.CheckoutPolicy;
import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.checkout.PaymentDeclined;
import dev.showfloor.events.common.Money;
import dev.showfloor.events.inventory.HoldCommitted;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldRejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The saga's state is a fold of its logs: replaying checkout.order-events (including the saga's own verdicts)
 * and inventory's answers from the first record into a fresh topology rebuilds every order, deadlines
 * included, without the wall clock having to fire again.
 */
class ReplayTest {

    /** One record of either input topic, in the order it was written. */
    record Logged(boolean orderTopic, String key, Object payload) {
    }

    @Test
    void replayingTheLogsFromTheStartRebuildsEveryOrder() {
        Random random = new Random(7);
        List<Logged> log = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        try (CheckoutDriver live = new CheckoutDriver(CheckoutPolicy.DEFAULT)) {
            for (int i = 0; i < 300; i++) {
                String orderId = "o" + i;
                orderIds.add(orderId);
                write(live, log, true, orderId, order(orderId, "tee"));
                switch (random.nextInt(6)) {
                    case 0 -> write(live, log, false, orderId, new HoldRejected(orderId + "/0/place", LOC, "tee",
                            orderId + "/0", orderId, 1, HoldRejectionReason.INSUFFICIENT_STOCK, 0));
                    case 1 -> { } // inventory never answers: the hold deadline decides
                    default -> {
                        write(live, log, false, orderId, new HoldPlaced(orderId + "/0/place", LOC, "tee",
                                orderId + "/0", orderId, 1, Instant.parse("2026-12-05T10:05:00Z"), null, "s", null));
                        int payment = random.nextInt(4);
                        if (payment == 0) {
                            pay(live, log, orderId, PaymentGateway.Outcome.declined("CARD_DECLINED"));
                        } else if (payment > 1) {
                            if (payment == 2) {
                                pay(live, log, orderId, PaymentGateway.Outcome.authorized("p-" + orderId));
                            } else { // an answer an earlier version's payment worker wrote to the order topic
                                write(live, log, true, orderId, new PaymentAuthorized(orderId, "p-" + orderId,
                                        new Money(2_500L, "EUR"), "simulator"));
                            }
                            write(live, log, false, orderId, new HoldCommitted(orderId + "/0/commit", LOC, "tee",
                                    orderId + "/0", orderId, 1, null));
                        } // payment == 1: no answer, the payment deadline decides
                    }
                }
                if (i % 50 == 49) {
                    live.advance(Duration.ofMinutes(1));
                    drainVerdicts(live, log);
                }
            }
            live.advance(Duration.ofMinutes(1));
            drainVerdicts(live, log);
            List<OrderSaga.Status> before = orderIds.stream().map(id -> live.saga(id).status()).toList();
            assertThat(before).contains(OrderSaga.Status.CONFIRMED, OrderSaga.Status.REJECTED)
                    .doesNotContain(OrderSaga.Status.PENDING_HOLDS, OrderSaga.Status.AWAITING_PAYMENT);

            try (CheckoutDriver replay = new CheckoutDriver(CheckoutPolicy.DEFAULT)) {
                for (Logged record : log) {
                    if (record.orderTopic()) {
                        replay.order(record.payload(), record.key());
                    } else {
                        replay.answer(record.payload(), record.key());
                    }
                }
                for (String orderId : orderIds) {
                    assertThat(replay.saga(orderId).status()).as(orderId).isEqualTo(live.saga(orderId).status());
                    assertThat(replay.saga(orderId).rejectionReason()).as(orderId)
                            .isEqualTo(live.saga(orderId).rejectionReason());
                }
            }
        }
    }

    /** The payment port answers; the saga logs the answer with what it decided. */
    private static void pay(CheckoutDriver driver, List<Logged> log, String orderId, PaymentGateway.Outcome outcome) {
        driver.payments().answer(orderId, outcome);
        driver.takePaymentAnswers();
        drainVerdicts(driver, log);
    }

    private static void write(CheckoutDriver driver, List<Logged> log, boolean orderTopic, String key, Object payload) {
        log.add(new Logged(orderTopic, key, payload));
        if (orderTopic) {
            driver.order(payload, key);
        } else {
            driver.answer(payload, key);
        }
        drainVerdicts(driver, log);
    }

    /** The saga's own order events join the log it will be replayed from. */
    private static void drainVerdicts(CheckoutDriver driver, List<Logged> log) {
        driver.commands();
        for (Object event : driver.orderEvents()) {
            String orderId = switch (event) {
                case dev.showfloor.events.checkout.OrderConfirmed e -> e.getOrderId();
                case dev.showfloor.events.checkout.OrderRejected e -> e.getOrderId();
                case dev.showfloor.events.checkout.PaymentRequested e -> e.getOrderId();
                case dev.showfloor.events.checkout.PaymentVoidRequested e -> e.getOrderId();
                case PaymentAuthorized e -> e.getOrderId();
                case PaymentDeclined e -> e.getOrderId();
                default -> throw new AssertionError(event);
            };
            log.add(new Logged(true, orderId, event));
        }
    }
}
