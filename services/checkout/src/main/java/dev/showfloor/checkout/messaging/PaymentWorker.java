package dev.showfloor.checkout.messaging;

import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.checkout.PaymentDeclineReason;
import dev.showfloor.events.checkout.PaymentDeclined;
import dev.showfloor.events.checkout.PaymentRequested;
import dev.showfloor.events.checkout.PaymentVoidRequested;
import dev.showfloor.events.checkout.PaymentVoided;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.annotations.Blocking;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Carries the saga's payment requests to the PaymentGateway port and writes the answers back as order events.
 * Requests run concurrently on their own worker pool; each is acknowledged only once its answer is in Kafka,
 * so a crash redelivers it to the next instance (the gateway is idempotent per order: nothing is charged
 * twice). An answer that never comes meets the saga's payment deadline.
 */
@ApplicationScoped
public class PaymentWorker {
    static final String PRODUCER = "checkout-payments";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(PaymentWorker.class);
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
        String cause = event.getEnvelope().getEventId();
        String shopperId = event.getEnvelope().getShopperId();
        CompletionStage<?> answered = switch (event.getPayload()) {
            case PaymentRequested request -> gateway.authorize(request.getOrderId(),
                            request.getAmount().getAmountMinor(), request.getAmount().getCurrency(),
                            request.getPaymentToken())
                    .thenCompose(outcome -> switch (outcome.result()) {
                        case AUTHORIZED -> publisher.publish(request.getOrderId(), shopperId, PRODUCER, cause,
                                new PaymentAuthorized(request.getOrderId(), outcome.paymentId(), request.getAmount(),
                                        gateway.name()));
                        case DECLINED -> publisher.publish(request.getOrderId(), shopperId, PRODUCER, cause,
                                new PaymentDeclined(request.getOrderId(), null, declineReason(outcome.declineReason()),
                                        gateway.name()));
                        case NO_ANSWER -> CompletableFuture.completedFuture(null);
                    })
                    .exceptionally(failure -> {
                        LOG.errorf(failure, "payment of order %s failed; its deadline will reject it",
                                request.getOrderId());
                        return null;
                    });
            case PaymentVoidRequested voidRequest -> gateway.voidAuthorization(voidRequest.getOrderId())
                    .thenCompose(paymentId -> paymentId == null ? CompletableFuture.completedFuture(null)
                            : publisher.publish(voidRequest.getOrderId(), shopperId, PRODUCER, cause,
                                    new PaymentVoided(voidRequest.getOrderId(), paymentId, voidRequest.getReason())));
            default -> CompletableFuture.completedFuture(null); // not for the payment port
        };
        answered.toCompletableFuture().orTimeout(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private static PaymentDeclineReason declineReason(String reason) {
        try {
            return PaymentDeclineReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return PaymentDeclineReason.UNKNOWN;
        }
    }
}
