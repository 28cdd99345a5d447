package dev.showfloor.checkout.payment;

import dev.showfloor.checkout.domain.PaymentGateway;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Picks the payment port's adapter from configuration ({@code showfloor.payment.provider}). */
@Singleton
public class PaymentProviders {

    /** Made at start-up, so a missing setting stops checkout at once rather than failing its first payment. */
    @Produces
    @Singleton
    @Startup
    @PaymentProvider
    PaymentGateway provider(PaymentConfig config) {
        return switch (config.provider()) {
            case SIMULATOR -> new SimulatedPaymentGateway(config.simulator());
            case REMOTE_SIMULATOR -> new RemotePaymentSimulatorGateway(config.remoteSimulator().url()
                    .orElseThrow(() -> new IllegalStateException("showfloor.payment.provider=remote-simulator needs "
                            + "showfloor.payment.remote-simulator.url")), config.remoteSimulator().requestTimeout());
        };
    }
}
