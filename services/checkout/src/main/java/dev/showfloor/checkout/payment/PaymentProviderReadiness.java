package dev.showfloor.checkout.payment;

import dev.showfloor.checkout.domain.PaymentGateway;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which adapter of the payment port this instance pays through (and where, for the remote simulator), so an
 * operator, or the demo checking the provider's ledger, can tell. Always up: an unreachable provider does not stop
 * checkout taking orders (the port retries, then the saga rejects), so it must not take the instance out of
 * service.
 */
@Readiness
@Singleton
public class PaymentProviderReadiness implements HealthCheck {
    static final String NAME = "payment provider";
    private final PaymentGateway gateway;
    private final PaymentConfig config;

    public PaymentProviderReadiness(PaymentGateway gateway, PaymentConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("adapter", gateway.name());
        if (config.provider() == PaymentConfig.Provider.REMOTE_SIMULATOR) {
            config.remoteSimulator().url().ifPresent(url -> response.withData("url", url.toString()));
        }
        return response.build();
    }
}
