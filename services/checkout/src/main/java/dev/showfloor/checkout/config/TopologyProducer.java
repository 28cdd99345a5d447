package dev.showfloor.checkout.config;

import dev.showfloor.checkout.domain.CheckoutDecider;
import dev.showfloor.checkout.domain.CheckoutPolicy;
import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.checkout.stream.CheckoutSerdes;
import dev.showfloor.checkout.stream.CheckoutTopology;
import dev.showfloor.servicekit.health.SchemaRegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands Quarkus the checkout saga topology, built from configuration. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(CheckoutConfig config, SchemaRegistryConfig registry, PaymentGateway gateway) {
        CheckoutDecider decider = new CheckoutDecider(new CheckoutPolicy(config.holdTimeout(), config.paymentTimeout(),
                config.holdTtl(), config.dropPerBuyerCap(), config.confirmMargin(), config.orderRetention()));
        return CheckoutTopology.buildTopology(CheckoutSerdes.apicurio(registry.url()), decider, gateway,
                config.deadlineScanInterval(), config.catchUpGrace(), config.sagaStore());
    }
}
