package dev.showfloor.inventory.config;

import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.InventoryPolicy;
import dev.showfloor.inventory.stream.InventorySerdes;
import dev.showfloor.inventory.stream.InventoryTopology;
import dev.showfloor.servicekit.health.SchemaRegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

/** Hands Quarkus the one inventory topology, built from configuration. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    @ApplicationScoped
    InventoryDecider decider(InventoryConfig config) {
        return new InventoryDecider(new InventoryPolicy(config.lowStockThreshold(), config.dedupeWindow(),
                config.buyerCapWindow()));
    }

    @Produces
    Topology topology(InventoryDecider decider, InventoryConfig config, SchemaRegistryConfig registry) {
        return InventoryTopology.buildTopology(InventorySerdes.apicurio(registry.url()), decider,
                config.expiryScanInterval(), config.stockLevelInterval(), config.liveStores());
    }
}
