package dev.showfloor.checkout.payment;

import dev.showfloor.checkout.domain.PaymentGateway;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The payment port as the saga and the payment worker use it: the provider's adapter ({@link PaymentProvider})
 * with a timeout on every call and retries when the provider is unavailable or slow. Retrying is safe because
 * the port is idempotent per order. Declines and a provider that never answers ({@code NO_ANSWER}) are answers,
 * not failures, and are not retried.
 *
 * <p>An authorization is given up after four attempts of at most 3 s each (about 13 s in all), well inside the
 * saga's payment timeout (30 s); the saga then rejects the order at once and voids whatever an attempt may have
 * authorized. A void keeps trying for 45 s, since nothing waits on it, and then goes to the payment worker's
 * dead-letter topic; not longer, because the worker's consumer turns unhealthy once a record stays unprocessed
 * for a minute. Both can be tuned with SmallRye Fault Tolerance's configuration keys, e.g.
 * {@code quarkus.fault-tolerance."dev.showfloor.checkout.payment.RetryingPaymentGateway/authorize".timeout.value}.
 */
@ApplicationScoped
public class RetryingPaymentGateway implements PaymentGateway {
    private final PaymentGateway provider;

    public RetryingPaymentGateway(@PaymentProvider PaymentGateway provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    @AsynchronousNonBlocking
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 100, jitter = 50, retryOn = {ProviderUnavailable.class, TimeoutException.class})
    @ExponentialBackoff(maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    public CompletionStage<Outcome> authorize(String orderId, long amountMinor, String currency, String paymentToken) {
        return provider.authorize(orderId, amountMinor, currency, paymentToken);
    }

    @Override
    @AsynchronousNonBlocking
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = -1, maxDuration = 45, durationUnit = ChronoUnit.SECONDS, delay = 200, jitter = 100,
            retryOn = {ProviderUnavailable.class, TimeoutException.class})
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public CompletionStage<String> voidAuthorization(String orderId) {
        return provider.voidAuthorization(orderId);
    }
}
