package dev.showfloor.checkout.stream;

import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.checkout.PaymentDeclineReason;
import dev.showfloor.events.checkout.PaymentDeclined;
import dev.showfloor.events.common.Money;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One saga task's calls to the PaymentGateway port. The task asks as soon as it decides to (no hop through a
 * topic and a worker) and the gateway's answers wait here until the task's stream thread takes them, so they
 * are applied and logged inside the task's transaction like any other input.
 *
 * <p>Asking before the decision's transaction commits is safe because the port is idempotent per order: if the
 * transaction aborts, the task decides again from the same inputs and asks again for the same order; an answer
 * that reaches a task that has since closed is lost, and whichever task restores the order asks again, since the
 * stored saga still awaits payment.
 */
final class PaymentCalls {
    private static final Logger LOG = Logger.getLogger(PaymentCalls.class);

    /** A gateway answer for one order, and the request it answers. */
    record Answer(String orderId, String requestEventId, Object payload) {
    }

    private final PaymentGateway gateway;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    /** Calls the gateway has not answered yet (an answer is queued before its call stops counting). */
    private final AtomicInteger unanswered = new AtomicInteger();

    PaymentCalls(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Asks for an authorization; its answer (authorized or declined, declined with PROVIDER_ERROR when the port
     * failed on every attempt) is queued for {@link #nextAnswer()}.
     */
    void authorize(String orderId, String requestEventId, Money amount, String paymentToken) {
        unanswered.incrementAndGet();
        gateway.authorize(orderId, amount.getAmountMinor(), amount.getCurrency(), paymentToken)
                .whenComplete((outcome, failure) -> {
                    Object answer;
                    if (failure != null) {
                        // The port gave up retrying: answer now (the saga rejects and voids) instead of leaving
                        // the order to its payment deadline.
                        LOG.warnf(failure, "payment of order %s failed on every attempt; rejecting it", orderId);
                        answer = declined(orderId, PaymentDeclineReason.PROVIDER_ERROR);
                    } else {
                        answer = switch (outcome.result()) {
                            case AUTHORIZED -> new PaymentAuthorized(orderId, outcome.paymentId(), amount,
                                    gateway.name());
                            case DECLINED -> declined(orderId, declineReason(outcome.declineReason()));
                            case NO_ANSWER -> null; // the saga's payment deadline decides
                        };
                    }
                    if (answer != null) {
                        answers.add(new Answer(orderId, requestEventId, answer));
                    }
                    unanswered.decrementAndGet();
                });
    }

    /** Whether an answer is queued or a call is still out: the task must keep looking. */
    boolean awaitingAnswers() {
        return unanswered.get() > 0 || !answers.isEmpty();
    }

    /** The oldest answer not taken yet, or null. */
    Answer nextAnswer() {
        return answers.poll();
    }

    private PaymentDeclined declined(String orderId, PaymentDeclineReason reason) {
        return new PaymentDeclined(orderId, null, reason, gateway.name());
    }

    private static PaymentDeclineReason declineReason(String reason) {
        try {
            return PaymentDeclineReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return PaymentDeclineReason.UNKNOWN;
        }
    }
}
