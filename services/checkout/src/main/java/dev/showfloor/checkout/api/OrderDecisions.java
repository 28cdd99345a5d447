package dev.showfloor.checkout.api;

import dev.showfloor.checkout.config.CheckoutConfig;
import dev.showfloor.checkout.messaging.OrderStatusBoard;
import dev.showfloor.servicekit.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Orders as clients see them: now, or once decided. Waits hold no thread; the status board completes them.
 * The long-poll, the SSE stream and a POST with {@code Prefer: wait} all wait here.
 */
@ApplicationScoped
public class OrderDecisions {
    private final OrderQueries orders;
    private final OrderStatusBoard board;
    private final IdempotencyKeys keys;
    private final CheckoutConfig config;

    public OrderDecisions(OrderQueries orders, OrderStatusBoard board, IdempotencyKeys keys, CheckoutConfig config) {
        this.orders = orders;
        this.board = board;
        this.keys = keys;
        this.config = config;
    }

    /**
     * The order as it is now; an order placed (here, or through another instance as the status board saw) that
     * the saga has not stored yet is PENDING.
     */
    public CompletableFuture<OrderView> current(String orderId) {
        return known(orderId).thenApply(found -> found.orElseThrow(
                () -> ProblemException.notFound("no order " + orderId)));
    }

    private CompletableFuture<Optional<OrderView>> known(String orderId) {
        return orders.find(orderId).thenApply(found -> found.map(OrderQueries.StoredOrder::view).or(
                () -> keys.recentlyAccepted(orderId) ? Optional.of(OrderView.accepted(orderId)) : Optional.empty()));
    }

    /**
     * The order as it is now; one not known yet is waited for until the status board sees it placed or decided
     * (another instance may have accepted it a moment ago), and is a 404 if {@code unknown-order-wait} passes first.
     */
    public CompletableFuture<OrderView> currentOrSoon(String orderId) {
        CompletableFuture<Void> arrived = board.arrived(orderId); // before reading, so no arrival slips by
        return known(orderId).thenCompose(now -> now.map(CompletableFuture::completedFuture).orElseGet(() -> arrived
                        .completeOnTimeout(null, config.unknownOrderWait().toMillis(), TimeUnit.MILLISECONDS)
                        .thenCompose(ignored -> current(orderId))))
                .whenComplete((answered, failure) -> arrived.cancel(false));
    }

    /**
     * The order as soon as it is decided, or as it is when {@code waitMs} (capped by config) has passed; an order
     * not known yet is waited for too.
     */
    public CompletableFuture<OrderView> awaitDecision(String orderId, long waitMs) {
        long wait = Math.min(waitMs, config.maxWait().toMillis());
        if (wait <= 0) {
            return current(orderId);
        }
        CompletableFuture<Void> decided = listen(orderId); // before reading, so no decision slips by
        // An order unknown here may have been accepted by another instance a moment ago, before the saga stored
        // it: the wait covers it too, and only an order still unknown when the wait ends is a 404.
        return known(orderId).thenCompose(now -> now.filter(OrderView::decided)
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> after(orderId, decided, wait)))
                .whenComplete((answered, failure) -> decided.cancel(false));
    }

    /** The order once {@code decided} (from {@link #listen}) completes, or as it is after the longest wait. */
    public CompletableFuture<OrderView> afterDecision(String orderId, CompletableFuture<Void> decided) {
        return after(orderId, decided, config.maxWait().toMillis());
    }

    private CompletableFuture<OrderView> after(String orderId, CompletableFuture<Void> decided, long waitMs) {
        return decided.completeOnTimeout(null, waitMs, TimeUnit.MILLISECONDS).thenCompose(ignored -> current(orderId));
    }

    /** Starts listening for the order's decision; register before reading the state it should follow. */
    public CompletableFuture<Void> listen(String orderId) {
        return board.decided(orderId);
    }
}
