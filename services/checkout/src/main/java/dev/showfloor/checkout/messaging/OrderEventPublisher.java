package dev.showfloor.checkout.messaging;

import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.common.Envelope;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Writes events to checkout.order-events under the order's id (new orders, payment answers). */
@ApplicationScoped
public class OrderEventPublisher {
    private final Emitter<Record<String, OrderEvent>> emitter;

    public OrderEventPublisher(@Channel("orders-out") Emitter<Record<String, OrderEvent>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has the event. */
    public CompletionStage<Void> publish(String orderId, String shopperId, String producer, String causationId,
                                         Object payload) {
        Envelope envelope = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setCorrelationId(orderId)
                .setCausationId(causationId)
                .setProducer(producer)
                .setShopperId(shopperId)
                .build();
        return emitter.send(Record.of(orderId, new OrderEvent(envelope, payload)));
    }
}
