package dev.showfloor.checkout.messaging;

import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.OrderPlaced;
import dev.showfloor.events.checkout.OrderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Tells waiting clients (long-polls, SSE) the moment an order is decided, and this instance the moment any
 * instance places one. Every instance reads every order's events from checkout.order-events, so a client may
 * wait on any instance, and an order placed through another instance is known here before the saga stores it.
 */
@ApplicationScoped
public class OrderStatusBoard {
    private final Waiters decisions = new Waiters();
    private final Waiters arrivals = new Waiters();
    private final List<Consumer<String>> decisionListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, String>> placementListeners = new CopyOnWriteArrayList<>();

    /**
     * Calls {@code listener} with the id of every order decided from now on, whoever waits for it, on the
     * board's consumer thread: for what is kept only until an order is decided.
     */
    public void onEveryDecision(Consumer<String> listener) {
        decisionListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the id and request hash of every order placed from now on, by any instance,
     * on the board's consumer thread; an order's placement always comes before its decision.
     */
    public void onEveryPlacement(BiConsumer<String, String> listener) {
        placementListeners.add(listener);
    }

    /** Completes when the order is confirmed or rejected; register before reading the current state. */
    public CompletableFuture<Void> decided(String orderId) {
        return decisions.register(orderId);
    }

    /** Completes when the order is placed (through any instance) or decided; register before reading. */
    public CompletableFuture<Void> arrived(String orderId) {
        return arrivals.register(orderId);
    }

    /** One poll's order events at a time (undecodable ones arrive as null and tell no one anything). */
    @Incoming("order-status")
    public void onOrderEvents(List<OrderEvent> events) {
        for (OrderEvent event : events) {
            if (event != null) {
                onOrderEvent(event);
            }
        }
    }

    private void onOrderEvent(OrderEvent event) {
        switch (event.getPayload()) {
            case OrderPlaced placed -> {
                // Listeners first: whoever wakes up must find the order known.
                placementListeners.forEach(listener -> listener.accept(placed.getOrderId(), placed.getRequestHash()));
                arrivals.wake(placed.getOrderId());
            }
            case OrderConfirmed confirmed -> onDecision(confirmed.getOrderId());
            case OrderRejected rejected -> onDecision(rejected.getOrderId());
            default -> {
            }
        }
    }

    private void onDecision(String orderId) {
        decisionListeners.forEach(listener -> listener.accept(orderId));
        decisions.wake(orderId);
        arrivals.wake(orderId);
    }

    /** Futures waiting for something to happen to an order; each leaves the map when completed or cancelled. */
    private static final class Waiters {
        private final Map<String, List<CompletableFuture<Void>>> byOrder = new ConcurrentHashMap<>();

        CompletableFuture<Void> register(String orderId) {
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            byOrder.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(waiter);
            waiter.whenComplete((done, failure) -> byOrder.computeIfPresent(orderId, (id, list) -> {
                list.remove(waiter);
                return list.isEmpty() ? null : list;
            }));
            return waiter;
        }

        void wake(String orderId) {
            List<CompletableFuture<Void>> waiting = byOrder.remove(orderId);
            if (waiting != null) {
                waiting.forEach(waiter -> waiter.complete(null));
            }
        }
    }
}
