package dev.showfloor.checkout.messaging;

import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.OrderRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Tells waiting clients (long-polls, SSE) the moment an order is decided. Every instance reads every order's
 * outcome from checkout.order-events, so a client may wait on any instance.
 */
@ApplicationScoped
public class OrderStatusBoard {
    private final Map<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    private final List<Consumer<String>> decisionListeners = new CopyOnWriteArrayList<>();

    /**
     * Calls {@code listener} with the id of every order decided from now on, whoever waits for it, on the
     * board's consumer thread: for what is kept only until an order is decided.
     */
    public void onEveryDecision(Consumer<String> listener) {
        decisionListeners.add(listener);
    }

    /** Completes when the order is confirmed or rejected; register before reading the current state. */
    public CompletableFuture<Void> decided(String orderId) {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        waiters.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(waiter);
        waiter.whenComplete((done, failure) -> waiters.computeIfPresent(orderId, (id, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        }));
        return waiter;
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
        String orderId = switch (event.getPayload()) {
            case OrderConfirmed confirmed -> confirmed.getOrderId();
            case OrderRejected rejected -> rejected.getOrderId();
            default -> null;
        };
        if (orderId != null) {
            for (Consumer<String> listener : decisionListeners) {
                listener.accept(orderId);
            }
            List<CompletableFuture<Void>> waiting = waiters.remove(orderId);
            if (waiting != null) {
                waiting.forEach(waiter -> waiter.complete(null));
            }
        }
    }
}
