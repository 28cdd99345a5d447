package dev.showfloor.checkout.domain;

import java.time.Duration;

/**
 * Deadlines and limits of the checkout saga.
 *
 * @param holdTimeout     no answer to every hold within this → reject (timeout) and release what was held
 * @param paymentTimeout  no payment answer within this → reject (timeout), release, void any late authorization
 * @param holdTtl         TTL of each hold; longer than both timeouts so a hold never lapses under a live order
 * @param dropPerBuyerCap units one shopper may buy in one drop
 * @param confirmMargin   an authorized order is confirmed at once (its holds committed in the same step) when
 *                        every hold outlives the authorization by at least this; otherwise it waits for
 *                        inventory to commit each hold. The margin is how long inventory may lag behind before
 *                        a confirmed order can still be cancelled because a hold lapsed first.
 * @param orderRetention  how long an ended order is remembered (answered, and its idempotency key honoured)
 *                        before it may be forgotten; longer than {@code holdTtl}, because until its holds lapse
 *                        a confirmed order may still have to be cancelled
 */
public record CheckoutPolicy(Duration holdTimeout, Duration paymentTimeout, Duration holdTtl, int dropPerBuyerCap,
                             Duration confirmMargin, Duration orderRetention) {
    public static final CheckoutPolicy DEFAULT = new CheckoutPolicy(Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofMinutes(5), 2, Duration.ofMinutes(1), Duration.ofDays(7));

    public CheckoutPolicy {
        if (holdTtl.compareTo(holdTimeout.plus(paymentTimeout)) <= 0) {
            throw new IllegalArgumentException("holdTtl must outlast the hold and payment timeouts together");
        }
        if (confirmMargin.isNegative()) {
            throw new IllegalArgumentException("confirmMargin must not be negative");
        }
        if (orderRetention.compareTo(holdTtl) <= 0) {
            throw new IllegalArgumentException("orderRetention must outlast holdTtl: until its holds lapse, an"
                    + " ended order may still need a compensation");
        }
    }
}
