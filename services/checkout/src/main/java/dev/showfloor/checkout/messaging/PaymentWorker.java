package dev.showfloor.checkout.messaging;

import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.checkout.stream.CheckoutTopology;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.PaymentVoidRequested;
import dev.showfloor.events.checkout.PaymentVoided;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Carries the saga's void requests to the PaymentGateway port and writes the answers back as order events.
 * A request is acknowledged only once its answer is in Kafka, so a crash redelivers it to the next instance
 * (voiding is idempotent per order); the port times out and retries each void ({@code RetryingPaymentGateway}),
 * and a void it gives up on goes to the dead-letter topic. Authorizations do not come this way: the saga's task
 * asks for them itself, since they are on every order's critical path. A payment request written here by an
 * earlier version is skipped: the task that restores the order asks for it again.
 */
@ApplicationScoped
public class PaymentWorker {
    private final PaymentGateway gateway;
    private final OrderEventPublisher publisher;

    public PaymentWorker(PaymentGateway gateway, OrderEventPublisher publisher) {
        this.gateway = gateway;
        this.publisher = publisher;
    }

    @Incoming("payment-requests")
    @Blocking(value = "payments", ordered = false)
    public void onOrderEvent(OrderEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("undecodable order event"); // to the dead-letter topic
        }
        if (!(event.getPayload() instanceof PaymentVoidRequested voidRequest)) {
            return;
        }
        gateway.voidAuthorization(voidRequest.getOrderId())
                .thenCompose(paymentId -> paymentId == null ? CompletableFuture.completedFuture(null)
                        : publisher.publish(voidRequest.getOrderId(), event.getEnvelope().getShopperId(),
                                CheckoutTopology.PAYMENT_PORT_PRODUCER, event.getEnvelope().getEventId(),
                                new PaymentVoided(voidRequest.getOrderId(), paymentId, voidRequest.getReason())))
                .toCompletableFuture().join();
    }
}
