package dev.showfloor.checkout.payment;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the adapter that talks to the payment provider itself. The rest of checkout gets the port through
 * {@link RetryingPaymentGateway}, which wraps that adapter with timeouts and retries.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface PaymentProvider {
}
