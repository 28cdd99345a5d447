package dev.showfloor.checkout.stream;

import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.streamskit.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the checkout saga's topics. */
public record CheckoutSerdes(Serde<OrderEvent> orderEvents, Serde<InventoryEvent> inventoryEvents,
                             Serde<InventoryCommand> inventoryCommands) {

    public static CheckoutSerdes apicurio(String registryApiUrl) {
        return new CheckoutSerdes(AvroSerdes.apicurio(registryApiUrl), AvroSerdes.apicurio(registryApiUrl),
                AvroSerdes.apicurio(registryApiUrl));
    }
}
