package dev.showfloor.checkout.payment;

import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.servicekit.memory.BoundedMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a payment provider, the only one that can exist on this machine. Answers after a configured
 * latency; declines a configured share of orders (decided from the order id and seed, so the same order always
 * gets the same answer). Test tokens:
 * <ul>
 *   <li>{@code tok_approve}: always authorized, whatever the decline rate</li>
 *   <li>{@code tok_decline}: always declined (CARD_DECLINED)</li>
 *   <li>{@code tok_insufficient_funds}: always declined (INSUFFICIENT_FUNDS)</li>
 *   <li>{@code tok_timeout}: never answers, so the saga's payment deadline fires</li>
 *   <li>{@code tok_flaky}: the provider fails ({@link ProviderUnavailable}) the first two authorizations asked
 *       for the order, and the first two voids of it, then answers as for {@code tok_approve}</li>
 *   <li>{@code tok_unavailable}: every authorization fails ({@link ProviderUnavailable}), so the port gives up
 *       and the saga rejects the order</li>
 *   <li>{@code tok_lost_answer}: the provider authorizes, but every answer is lost on the way back
 *       ({@link ProviderUnavailable}): the port gives up, and the order must be rejected and its authorization
 *       voided</li>
 * </ul>
 */
public class SimulatedPaymentGateway implements PaymentGateway {
    public static final String APPROVE_TOKEN = "tok_approve";
    public static final String DECLINE_TOKEN = "tok_decline";
    public static final String INSUFFICIENT_FUNDS_TOKEN = "tok_insufficient_funds";
    public static final String TIMEOUT_TOKEN = "tok_timeout";
    public static final String FLAKY_TOKEN = "tok_flaky";
    public static final String UNAVAILABLE_TOKEN = "tok_unavailable";
    public static final String LOST_ANSWER_TOKEN = "tok_lost_answer";
    private static final int FLAKY_FAILURES = 2;

    private final PaymentSimulatorConfig config;
    /**
     * How many authorizations the simulator remembers for voids: enough for any void (they come within the
     * saga's payment timeout, or soon after a confirmation fails), bounded so that a long benchmark does not fill
     * the heap. Its answers themselves need no memory: each is a function of the order, its token and amount,
     * so asking again for an order gets the first answer again, as a provider's idempotency key would.
     */
    private static final int REMEMBERED_AUTHORIZATIONS = 200_000;
    private final Set<String> authorized =
            Collections.synchronizedSet(Collections.newSetFromMap(new BoundedMap<>(REMEMBERED_AUTHORIZATIONS)));
    /** Calls made so far for {@code tok_flaky} orders, by kind ("authorize:" or "void:") and order id. */
    private final Map<String, Integer> flakyCalls =
            Collections.synchronizedMap(new BoundedMap<>(REMEMBERED_AUTHORIZATIONS));

    /** Runs each decision once the configured latency has passed (one executor: the latency is fixed). */
    private final Executor afterLatency;

    public SimulatedPaymentGateway(PaymentSimulatorConfig config) {
        this.config = config;
        this.afterLatency = CompletableFuture.delayedExecutor(config.latency().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public CompletionStage<Outcome> authorize(String orderId, long amountMinor, String currency, String token) {
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        // Completed with the bare exception, as a provider's client would, not wrapped in a CompletionException.
        afterLatency.execute(() -> {
            try {
                answer.complete(decide(orderId, amountMinor, token));
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    private Outcome decide(String orderId, long amountMinor, String token) {
        if (UNAVAILABLE_TOKEN.equals(token)) {
            throw new ProviderUnavailable("simulated provider unavailable (" + UNAVAILABLE_TOKEN + ")");
        }
        if (FLAKY_TOKEN.equals(token)) {
            if (flakyFailsNow("authorize:" + orderId)) {
                throw flakyFailure("authorize");
            }
            flakyCalls.putIfAbsent("void:" + orderId, 0); // its voids will fail twice too
        }
        if (LOST_ANSWER_TOKEN.equals(token)) {
            authorized.add(orderId);
            throw new ProviderUnavailable("simulated lost answer (" + LOST_ANSWER_TOKEN + "): authorized, not told");
        }
        if (TIMEOUT_TOKEN.equals(token)) {
            return Outcome.noAnswer();
        }
        if (DECLINE_TOKEN.equals(token)) {
            return Outcome.declined("CARD_DECLINED");
        }
        if (INSUFFICIENT_FUNDS_TOKEN.equals(token)) {
            return Outcome.declined("INSUFFICIENT_FUNDS");
        }
        if (amountMinor <= 0
                || (!APPROVE_TOKEN.equals(token) && !FLAKY_TOKEN.equals(token) && declinedByChance(orderId))) {
            return Outcome.declined("CARD_DECLINED");
        }
        authorized.add(orderId);
        return Outcome.authorized(paymentId(orderId));
    }

    private String paymentId(String orderId) {
        return "sim-" + Integer.toHexString((orderId + config.seed()).hashCode());
    }

    private boolean declinedByChance(String orderId) {
        long bucket = Math.floorMod((orderId + "#" + config.seed()).hashCode(), 10_000);
        return bucket < Math.round(config.declineRate() * 10_000);
    }

    /** Counts the call; true for the first {@value #FLAKY_FAILURES} calls of a kind for a tok_flaky order. */
    private boolean flakyFailsNow(String call) {
        return flakyCalls.merge(call, 1, Integer::sum) <= FLAKY_FAILURES;
    }

    private static ProviderUnavailable flakyFailure(String call) {
        return new ProviderUnavailable("simulated provider error (" + FLAKY_TOKEN + ", " + call + ")");
    }

    /** The orders holding an authorization now (authorized and not voided), as a provider's ledger shows them. */
    public Set<String> authorizedOrders() {
        synchronized (authorized) {
            return new HashSet<>(authorized);
        }
    }

    @Override
    public CompletionStage<String> voidAuthorization(String orderId) {
        String call = "void:" + orderId;
        if (flakyCalls.containsKey(call) && flakyFailsNow(call)) {
            return CompletableFuture.failedFuture(flakyFailure("void"));
        }
        return CompletableFuture.completedFuture(authorized.remove(orderId) ? paymentId(orderId) : null);
    }
}
