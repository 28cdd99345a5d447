package dev.showfloor.checkout.domain;

import java.util.concurrent.CompletionStage;

/**
 * The port to a payment provider. Implementations must be idempotent per orderId (providers take it as their
 * idempotency key): asking twice for the same order returns the first outcome and never charges twice.
 */
public interface PaymentGateway {

    /**
     * The provider could not be reached or failed to answer this time (a transport error, a 5xx); an adapter
     * completes a call with it so that the call is tried again, which the port's idempotency makes safe.
     */
    final class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message) {
            super(message);
        }
    }

    /** The provider's answer; {@code NO_ANSWER} when it never came back (the saga's deadline handles that). */
    record Outcome(Result result, String paymentId, String declineReason) {
        public enum Result { AUTHORIZED, DECLINED, NO_ANSWER }

        public static Outcome authorized(String paymentId) {
            return new Outcome(Result.AUTHORIZED, paymentId, null);
        }

        public static Outcome declined(String reason) {
            return new Outcome(Result.DECLINED, null, reason);
        }

        public static Outcome noAnswer() {
            return new Outcome(Result.NO_ANSWER, null, null);
        }
    }

    String name();

    CompletionStage<Outcome> authorize(String orderId, long amountMinor, String currency, String paymentToken);

    /** Releases an authorization; completes with the voided payment id, or null when nothing was authorized. */
    CompletionStage<String> voidAuthorization(String orderId);
}
