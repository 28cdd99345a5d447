package dev.showfloor.checkout.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.checkout.api.IdempotencyKeys;
import dev.showfloor.checkout.stream.CheckoutDriver;
import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderRejected;
import dev.showfloor.events.checkout.OrderRejectionReason;
import dev.showfloor.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What the status board tells an instance about orders placed and decided through any instance. */
class OrderStatusBoardTest {
    private final OrderStatusBoard board = new OrderStatusBoard();
    private final IdempotencyKeys keys = new IdempotencyKeys(board);

    @Test
    void anOrderPlacedThroughAnotherInstanceIsKnownHereUntilItIsDecided() {
        CompletableFuture<Void> arrived = board.arrived("ord-1");
        CompletableFuture<Void> decided = board.decided("ord-1");
        assertThat(keys.recentlyAccepted("ord-1")).isFalse();

        board.onOrderEvents(List.of(CheckoutDriver.event(CheckoutDriver.order("ord-1", "tee"))));

        assertThat(arrived).as("a client waiting for the order to appear").isCompleted();
        assertThat(decided).isNotDone();
        assertThat(keys.firstRequest("ord-1")).as("its request, for a retry that reaches this instance")
                .isEqualTo("hash-ord-1");

        board.onOrderEvents(List.of(CheckoutDriver.event(
                new OrderConfirmed("ord-1", "shopper-1", new Money(2_500L, "EUR"), Instant.now()))));

        assertThat(decided).isCompleted();
        assertThat(keys.recentlyAccepted("ord-1")).as("the saga store has it by now").isFalse();
    }

    @Test
    void aDecisionAlsoEndsAWaitForTheOrderToAppear() {
        CompletableFuture<Void> arrived = board.arrived("ord-2");
        board.onOrderEvents(List.of(CheckoutDriver.event(
                new OrderRejected("ord-2", OrderRejectionReason.SOLD_OUT, "tee sold out", "tee"))));
        assertThat(arrived).isCompleted();
    }

    @Test
    void theRequestThisInstanceAcceptedFirstIsTheOneRemembered() {
        assertThat(keys.acceptOrGetFirst("ord-3", "hash-here")).isNull();
        board.onOrderEvents(List.of(CheckoutDriver.event(CheckoutDriver.order("ord-3", "tee"))));
        assertThat(keys.firstRequest("ord-3")).isEqualTo("hash-here");
    }

    @Test
    void aCancelledWaitKeepsNoOtherFromWaking() {
        CompletableFuture<Void> cancelled = board.arrived("ord-4");
        CompletableFuture<Void> waiting = board.arrived("ord-4");
        cancelled.cancel(false);
        board.onOrderEvents(List.of(CheckoutDriver.event(CheckoutDriver.order("ord-4", "tee"))));
        assertThat(waiting).isCompleted();
        assertThat(cancelled).isCancelled();
    }
}
