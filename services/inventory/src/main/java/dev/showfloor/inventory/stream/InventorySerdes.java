package dev.showfloor.inventory.stream;

import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.StockLevel;
import dev.showfloor.streamskit.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the inventory topology's three topics. */
public record InventorySerdes(Serde<InventoryCommand> commands, Serde<InventoryEvent> events,
                              Serde<StockLevel> levels) {

    /** Apicurio-backed serdes: values carry a registry id; readers get the generated classes. */
    public static InventorySerdes apicurio(String registryApiUrl) {
        return new InventorySerdes(AvroSerdes.apicurio(registryApiUrl), AvroSerdes.apicurio(registryApiUrl),
                AvroSerdes.apicurio(registryApiUrl));
    }
}
