package dev.showfloor.inventory.stream;

import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.StockLevel;
import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The value serdes of the inventory topology's three topics. */
public record InventorySerdes(Serde<InventoryCommand> commands, Serde<InventoryEvent> events,
                              Serde<StockLevel> levels) {

    /** Apicurio-backed serdes: values carry a registry id; readers get the generated classes. */
    public static InventorySerdes apicurio(String registryApiUrl) {
        return new InventorySerdes(avro(registryApiUrl), avro(registryApiUrl), avro(registryApiUrl));
    }

    private static <T> Serde<T> avro(String registryApiUrl) {
        AvroSerde<T> apicurio = new AvroSerde<>();
        Serde<T> serde = Serdes.serdeFrom(apicurio.serializer(),
                new RegistryOutageRetryingDeserializer<>(apicurio.deserializer()));
        serde.configure(Map.of(
                "apicurio.registry.url", registryApiUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.dereference-schema", "true",
                "apicurio.registry.use-specific-avro-reader", "true"), false);
        return serde;
    }
}
