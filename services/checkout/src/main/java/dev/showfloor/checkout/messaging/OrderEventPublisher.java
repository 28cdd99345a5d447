package dev.showfloor.checkout.messaging;

import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.OrderPlaced;
import dev.showfloor.events.common.Envelope;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Writes under the order's id: new orders to checkout.order-requests, for the saga to take up; other events
 * (the payment worker's answers) to checkout.order-events.
 */
@ApplicationScoped
public class OrderEventPublisher {
    private final Emitter<Record<String, OrderEvent>> requests;
    private final Emitter<Record<String, OrderEvent>> events;

    public OrderEventPublisher(@Channel("order-requests-out") Emitter<Record<String, OrderEvent>> requests,
                               @Channel("orders-out") Emitter<Record<String, OrderEvent>> events) {
        this.requests = requests;
        this.events = events;
    }

    /** Completes once the broker has the new order. */
    public CompletionStage<Void> place(String shopperId, String producer, OrderPlaced placed) {
        return requests.send(Record.of(placed.getOrderId(),
                new OrderEvent(envelope(placed.getOrderId(), shopperId, producer, null), placed)));
    }

    /** Completes once the broker has the event. */
    public CompletionStage<Void> publish(String orderId, String shopperId, String producer, String causationId,
                                         Object payload) {
        return events.send(Record.of(orderId, new OrderEvent(envelope(orderId, shopperId, producer, causationId),
                payload)));
    }

    private static Envelope envelope(String orderId, String shopperId, String producer, String causationId) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setCorrelationId(orderId)
                .setCausationId(causationId)
                .setProducer(producer)
                .setShopperId(shopperId)
                .build();
    }
}
